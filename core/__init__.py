"""Small Steps' UI-free core."""
