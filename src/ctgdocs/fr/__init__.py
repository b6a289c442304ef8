"""The French of the documents: dates, numbers, names and their agreement, prepositions, verbs,
typography. Pure functions, used by the rules, the messages and the templates alike."""
