"""Decision verbs: written in the infinitive in the data, conjugated by the layout.

Narrative extracts say « APPROUVE … »; form extracts propose « d'approuver … »; a rapport asks
the council to « VALIDER … ». Which one a collectivité prints is its house style (model/
style_deliberation.py, `decisions`).
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


def infinitif(verbe: str) -> str:
    """A rapport's form, in capitals: « VALIDER », « PRENDRE ACTE »."""
    if troisieme_personne(verbe) is None:
        raise ValueError(verbe)
    return " ".join(verbe.split()).upper()


def propose(infinitif: str) -> str:
    """Form layout: « d'approuver », « de valider »."""
    return elide(infinitif.strip().lower())
