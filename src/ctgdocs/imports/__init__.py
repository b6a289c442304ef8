"""Official data read from the files that publish it, never typed: the Code officiel
géographique (communes, EPCI, départements) of Etalab's @etalab/decoupage-administratif."""
