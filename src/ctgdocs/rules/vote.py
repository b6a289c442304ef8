"""Vote arithmetic: pour + contre + abstentions = votants; a tie needs the président's vote."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.rules.presences import nombre_presents, nombre_representes


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    for s in d.seances:
        seance = s.model.seance
        presents = nombre_presents(seance)
        representes = nombre_representes(seance)
        for n, delib in enumerate(s.model.deliberations):
            vote = delib.vote
            path = ("deliberations", n, "vote")
            votants = presents + representes - vote.ne_prennent_pas_part
            if vote.ne_prennent_pas_part > presents + representes:
                yield s.problem(
                    (*path, "ne_prennent_pas_part"),
                    f"{vote.ne_prennent_pas_part} ne prenant pas part au vote pour "
                    f"{presents + representes} présents et représentés",
                )
                continue
            total = vote.pour + vote.contre + vote.abstentions
            if total != votants:
                yield s.problem(
                    path,
                    f"pour + contre + abstentions = {total}, mais il y a {votants} votants "
                    f"({presents} présents + {representes} représentés − "
                    f"{vote.ne_prennent_pas_part} ne prenant pas part au vote)",
                )
            partage = vote.pour == vote.contre and vote.pour > 0
            if partage and vote.voix_du_president is None:
                yield s.problem(
                    path,
                    f"partage égal des voix ({vote.pour} pour, {vote.contre} contre) : la voix du "
                    "président est prépondérante, indiquez voix_du_president (pour ou contre)",
                )
            if not partage and vote.voix_du_president is not None:
                yield s.problem(
                    (*path, "voix_du_president"),
                    "voix_du_president ne sert qu'en cas de partage égal des voix",
                )
