"""The Contacts view: the list, the editor beside it, and the dialogs that act on contacts."""
