"""The deck editor of the Decks page: make, edit, reorder and check decks of your own."""
