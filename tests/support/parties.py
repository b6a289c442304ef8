"""A test territory whose convention writes its parties as many real acts do: a house style
(« Entre : », « D'une part, / D'autre part, », M./Mme, « dénommée », « le Président de son
Conseil d'administration », « et par »), a Caf habilitated by its board, three communes as one
party (one of them signing by delegation), a SIVOM (type syndicat) presided by a person named by
civilité and surname only, and an association.

It is Grand Châtellerault's convention (data/grand-chatellerault) with these parties instead of
its own; the communes' mayors and every other person below are made up."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATA, Copie

NOM = "parties-groupees"
SIGNATAIRES = [
    "caf-86",
    "thure",
    "colombiers",
    "senille-saint-sauveur",
    "sivom-chatelleraudais",
    "familles-rurales-86",
    "grand-chatellerault",
]

PARTIES = """\
  style_parties:
    introduction: entre
    separateur: d_une_part
    civilite: abregee
    designation: denommee
    qualite: le_de_son
    et_par: true
  parties:
    - organisation: caf-86
      representants:
        - {personne: marlene-bourdin, qualite: Présidente du Conseil d'administration}
        - {personne: tania-conci, qualite: Directrice}
      habilitation: {organe: le Conseil d'administration, date: 2016-10-14}
      ci_apres: la Caf
    - organisations: [thure, colombiers, senille-saint-sauveur]
      representants:
        - {personne: paul-martin, qualite: Maire, organisation: thure}
        - {personne: sophie-bernard, qualite: Maire, organisation: colombiers}
        - personne: claire-robin
          qualite: Première adjointe
          organisation: senille-saint-sauveur
          delegation: true
      ci_apres: les trois communes
    - organisation: sivom-chatelleraudais
      representants:
        - {personne: rakotorina, qualite: Président}
      ci_apres: le SIVOM
    - organisation: familles-rurales-86
      representants:
        - {personne: helene-garnier, qualite: Présidente}
      ci_apres: l'association
    - organisation: grand-chatellerault
      representants:
        - {personne: jean-pierre-abelin, qualite: Président}
      ci_apres: la CAGC
"""

ORGANISATIONS = """\
  sivom-chatelleraudais:
    type: syndicat
    nom: Syndicat intercommunal à vocation multiple du Châtelleraudais
    nom_court: SIVOM du Châtelleraudais
    executif: rakotorina
  familles-rurales-86:
    type: association
    nom: Association Familles rurales de la Vienne
    executif: helene-garnier
"""

PERSONNES = """\
  paul-martin: {civilite: M., prenom: Paul, nom: MARTIN}
  sophie-bernard: {civilite: Mme, prenom: Sophie, nom: BERNARD}
  louis-petit: {civilite: M., prenom: Louis, nom: PETIT}
  claire-robin: {civilite: Mme, prenom: Claire, nom: ROBIN}
  rakotorina: {civilite: M., nom: RAKOTORINA}
  helene-garnier: {civilite: Mme, prenom: Hélène, nom: GARNIER}
"""

EXECUTIFS = {
    "thure": "paul-martin",
    "colombiers": "sophie-bernard",
    "senille-saint-sauveur": "louis-petit",
}


def territoire_parties(root: Path) -> Path:
    """The test territory, written under root; its folder."""
    folder = root / NOM
    folder.mkdir(parents=True)
    source = DATA / "grand-chatellerault"
    for name in ("convention.yaml", "coordination.yaml"):
        shutil.copy(source / name, folder / name)
    territoire = (source / "territoire.yaml").read_text(encoding="utf-8")
    territoire = territoire.replace(
        "signataires: [caf-86, msa-poitou, grand-chatellerault]",
        f"signataires: [{', '.join(SIGNATAIRES)}]",
    )
    for commune, maire in EXECUTIFS.items():
        territoire = territoire.replace(
            f"\n  {commune}: {{", f"\n  {commune}: {{executif: {maire}, ", 1
        )
    territoire = territoire.replace(
        "\n  # The 47 communes", "\n" + ORGANISATIONS + "\n  # The 47 communes"
    )
    territoire = territoire.replace("\npersonnes:\n", "\npersonnes:\n" + PERSONNES, 1)
    (folder / "territoire.yaml").write_text(territoire, encoding="utf-8")
    convention = (folder / "convention.yaml").read_text(encoding="utf-8")
    debut = convention.index("  parties:\n")
    fin = convention.index("\n  # The seed's préambule.")
    convention = convention[:debut] + PARTIES + convention[fin:]
    (folder / "convention.yaml").write_text(convention, encoding="utf-8")
    return folder


class CopieParties(Copie):
    """The test territory as an editable copy (conftest.Copie), under root."""

    def __init__(self, root: Path, name: str = NOM) -> None:
        self.dir = territoire_parties(root)
