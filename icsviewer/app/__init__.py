"""The main window, its actions, docks and dialogs."""
