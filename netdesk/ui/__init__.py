"""The Qt Widgets user interface. Only this package imports Qt."""
