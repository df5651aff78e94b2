"""The main window's side panels: details, legend, problems and the overview."""
