"""Decision verbs: written in the infinitive in the data, conjugated by the layout.

Narrative extracts say « APPROUVE … »; form extracts propose « d'approuver … ».
"""

from __future__ import annotations

from ctgdocs.fr.prepositions import elide

# Third person singular of the verbs that are not regular -er verbs.
IRREGULIERS = {
    "dire": "dit",
    "prendre": "prend",
    "émettre": "émet",
    "élire": "élit",
    "décrire": "décrit",
    "inscrire": "inscrit",
    "admettre": "admet",
    "transmettre": "transmet",
    "soumettre": "soumet",
    "maintenir": "maintient",
    "obtenir": "obtient",
    "retenir": "retient",
}


def troisieme_personne(infinitif: str) -> str | None:
    """« approuver » → « approuve »; « prendre acte » → « prend acte »; None if unknown."""
    premier, _, reste = infinitif.strip().partition(" ")
    premier = premier.lower()
    if premier in IRREGULIERS:
        forme = IRREGULIERS[premier]
    elif premier.endswith("er") and len(premier) > 3 and premier not in ("aller",):
        forme = premier[:-1]
    else:
        return None
    return f"{forme} {reste}".strip()


def decide(infinitif: str) -> str:
    """Narrative form, in capitals: « APPROUVE », « PREND ACTE »."""
    forme = troisieme_personne(infinitif)
    if forme is None:
        raise ValueError(infinitif)
    return forme.upper()


def propose(infinitif: str) -> str:
    """Form layout: « d'approuver », « de valider »."""
    return elide(infinitif.strip().lower())
