"""What the user does from the menus, one module per area: each asks through the window's
dialogs, pushes an undoable command and shows the result. The main window only arranges the
pages, menus and pickers and connects its actions to these."""
