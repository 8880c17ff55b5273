"""Goals: the dialog that sets one up and the undoable commands that keep them."""
