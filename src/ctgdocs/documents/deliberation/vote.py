"""The vote of one deliberation as its extract prints it: figures, outcome, wording."""

from __future__ import annotations

from ctgdocs.documents.deliberation.contextes import ContexteVote
from ctgdocs.fr.accord import accord
from ctgdocs.model import Deliberation, FichierSeance
from ctgdocs.rules.vote import Resultat, compte, resultat


def contexte_vote(fichier: FichierSeance, delib: Deliberation) -> ContexteVote:
    vote = compte(fichier, delib)
    res = resultat(vote)
    return {
        "pour": vote.pour,
        "contre": vote.contre,
        "abstentions": vote.abstentions,
        "ne_prennent_pas_part": vote.ne_prennent_pas_part,
        "votants": res.votants,
        "exprimes": res.exprimes,
        "adoptee": res.adoptee,
        "formule": formule_vote(vote.pour, vote.contre, vote.abstentions, res),
        "resultat": "Adoptée" if res.adoptee else "Rejetée",
    }


def formule_vote(pour: int, contre: int, abstentions: int, res: Resultat) -> str:
    """How the result is worded: « à l'unanimité » only when it is true."""

    def voix(n: int, mot: str) -> str:
        return f"{n} {accord(mot, n)}"

    if res.unanimite:
        return "à l'unanimité"
    if res.unanimite_exprimes:
        return "à l'unanimité des suffrages exprimés"
    parts = [f"{pour} voix pour", f"{contre} voix contre"]
    if abstentions:
        parts.append(voix(abstentions, "abstention"))
    return "par " + ", ".join(parts[:-1]) + " et " + parts[-1]
