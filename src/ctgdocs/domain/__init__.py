"""Pure domain computations (CGCT rules): used by validation and by the documents alike."""
