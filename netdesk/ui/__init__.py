"""The Qt Widgets user interface. Only this package imports Qt."""

from netdesk.ui.pyside_scan import quicken_feature_scan

quicken_feature_scan()
