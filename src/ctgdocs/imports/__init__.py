"""Official data read from the files that publish it, never typed: the Code officiel
géographique (communes, EPCI, départements) of Etalab's @etalab/decoupage-administratif, the
Répertoire national des élus, a SIRENE extract. `commande` merges them into territoire.yaml
(`fusion`, `elus`) with its comments kept (`yamlrt`), and drafts as an avenant what a signed
act names (`signes`, `changements`)."""
