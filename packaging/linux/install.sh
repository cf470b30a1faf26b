#!/bin/sh
# Install Scrutineer for the current user (no administrator rights needed):
#   the program into ~/.local/opt/scrutineer, the command into ~/.local/bin,
#   a menu entry and its icon into ~/.local/share.
# Run it again to upgrade in place; the data folder (~/.local/share/Scrutineer) is never touched.
# ./install.sh --uninstall removes the program, the command and the menu entry (not the data).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/scrutineer
bin=$HOME/.local/bin

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$opt"
    rm -f "$bin/scrutineer" "$prefix/applications/scrutineer.desktop" \
        "$prefix/icons/hicolor/256x256/apps/scrutineer.png"
    echo "Scrutineer removed. Your programmes are still in $prefix/Scrutineer."
    exit 0
fi

[ -x "$here/scrutineer/scrutineer" ] || { echo "install.sh: run it from the unpacked folder" >&2; exit 1; }
mkdir -p "$HOME/.local/opt" "$bin" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps"
rm -rf "$opt.new"
cp -R "$here/scrutineer" "$opt.new"
# Keep an IT team's settings file (scrutineer.ini) across upgrades.
if [ -f "$opt/scrutineer.ini" ] && [ ! -f "$opt.new/scrutineer.ini" ]; then
    cp "$opt/scrutineer.ini" "$opt.new/scrutineer.ini"
fi
rm -rf "$opt"
mv "$opt.new" "$opt"
ln -sf "$opt/scrutineer" "$bin/scrutineer"
cp "$here/scrutineer.png" "$prefix/icons/hicolor/256x256/apps/scrutineer.png"
sed "s|^Exec=.*|Exec=$opt/scrutineer|" "$here/scrutineer.desktop" > "$prefix/applications/scrutineer.desktop"
echo "Scrutineer installed in $opt."
echo "Check it with: $bin/scrutineer --selftest"
