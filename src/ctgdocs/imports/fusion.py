"""The COG's records merged into territoire.yaml: a new file, or an existing one whose comments,
order and hand-written keys are kept. Each organisation is found by its INSEE code or SIREN,
else by its name; the import changes only the values it owns, and says each change. A change
that a signed act names (a commune joining or leaving the EPCI, a renamed commune) is not
written: it is drafted as an avenant's modification."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ctgdocs.fr.accord import accord
from ctgdocs.fr.nombres import abrege
from ctgdocs.fr.noms import designation_avec_article
from ctgdocs.imports import yamlrt
from ctgdocs.imports.changements import Changement
from ctgdocs.imports.signes import ActeSigne
from ctgdocs.imports.territoire import ImportTerritoire, Record, cle_de_nom
from ctgdocs.model import Organisation

# The values the COG owns, per type: written at each import. Every other key is the user's.
# An EPCI's and a Caf's name is written once, when created: the COG abbreviates it.
CHAMPS_COG = {
    "commune": (
        "nom",
        "code_insee",
        "type_liaison",
        "departement",
        "siren",
        "siret",
        "populations_legales",
    ),
    "epci": ("siren", "siret"),  # its département is the import's guess: written once
    "caf": (),  # the Caf is found by territoire.caf; what it is stays the user's
}

EXEMPLE_CTG = """\
La CTG, que seules les parties connaissent : décommentez et complétez, par exemple
ctg:
  intitule: Convention territoriale globale de services aux familles
  debut: 2027-01-01
  fin: 2031-12-31
  signataires: [{signataires}]"""


def nouveau(imp: ImportTerritoire, entete: str) -> CommentedMap:
    """A new territoire.yaml: its sources, the territory, the records, examples in comments."""
    doc = CommentedMap()
    doc["sources"] = CommentedMap(cog=imp.source)
    territoire = CommentedMap(nom=imp.nom)
    if imp.epci:
        territoire["epci"] = imp.epci.ident
    territoire["caf"] = imp.caf.ident
    doc["territoire"] = territoire
    doc["organisations"] = orgs = CommentedMap()
    for record in imp.records:
        _ajouter(orgs, record, len(orgs))
    signataires = ", ".join(r.ident for r in (imp.caf, imp.epci) if r)
    doc.yaml_set_start_comment(entete)
    doc.yaml_set_comment_before_after_key(
        "organisations", before=EXEMPLE_CTG.format(signataires=signataires), indent=2
    )
    if imp.communes:
        n = len(imp.communes)
        orgs.yaml_set_comment_before_after_key(
            imp.communes[0].ident,
            before=f"{n} {accord('commune', n)} d'après le COG ; populations légales du "
            f"millésime {_millesime(imp)}",
            indent=2,
        )
    return doc


def fusionner(
    doc: CommentedMap,
    imp: ImportTerritoire,
    actes: list[ActeSigne],
    *,
    complet: bool,
    autres: dict[str, str] | None = None,
    requis: dict[str, set[int]] | None = None,
) -> list[Changement]:
    """Merge the import into doc in place; the changes, written or drafted as an avenant.
    `complet`: the import is the EPCI's whole membership, so a commune it lacks has left.
    `autres`: the texts of the territory's other data files, by name (a commune one of them
    names is never removed). `requis`: the population millésimes each commune's séances need
    (the 3 500 threshold is that of its council's last renewal): a list of populations that
    would lack one is not written."""
    orgs = doc.setdefault("organisations", CommentedMap())
    territoire = doc.setdefault("territoire", CommentedMap())
    convention = next((a for a in actes if a.nomme_les_communes), None)
    changements: list[Changement] = []
    ancienne = (doc.get("sources") or {}).get("cog")
    if ancienne != imp.source:
        doc.setdefault("sources", CommentedMap())["cog"] = imp.source
        changements.append(Changement(f"sources.cog : {ancienne or '(aucune)'} → {imp.source}"))
    trouves: set[str] = set()
    epci = _epci(imp, orgs, territoire) if imp.epci else None
    ajouts: dict[tuple[str, ...], list[str]] = {}
    for record in imp.records:
        ident = _trouver(orgs, territoire, record)
        if ident is None:
            nouvelle, ajoutee = _nouvelle(orgs, record, epci, convention)
            changements.append(nouvelle)
            trouves.update([ajoutee] if ajoutee else [])
            continue
        trouves.add(ident)
        changements.extend(
            _mettre_a_jour(
                orgs, ident, record, actes, convention, ajouts, (requis or {}).get(ident, set())
            )
        )
    for champs, qui in ajouts.items():
        n = len(qui)
        changements.append(
            Changement(
                f"{', '.join(champs)} {accord('ajouté', champs)} : {n} {accord('organisation', n)} "
                f"({abrege(qui, 4)})"
            )
        )
    for cle, lui in (("epci", imp.epci), ("caf", imp.caf)):
        if lui is not None and cle not in territoire:
            territoire[cle] = _trouver(orgs, territoire, lui) or lui.ident
    if complet and imp.epci is not None:
        assert epci is not None
        changements.extend(_parties(doc, orgs, trouves, epci, imp, convention, autres or {}))
    return changements


def _trouver(orgs: CommentedMap, territoire: CommentedMap, record: Record) -> str | None:
    champs = record.champs
    kind = champs["type"]
    meme_type = [(i, o) for i, o in orgs.items() if isinstance(o, dict) and o.get("type") == kind]
    for cle in ("code_insee", "siren"):
        if champs.get(cle) and kind != "caf":
            for ident, org in meme_type:
                if str(org.get(cle) or "") == champs[cle]:
                    return str(ident)
    if kind == "commune":
        for ident, org in meme_type:
            if (
                not org.get("code_insee")
                and cle_de_nom(org.get("nom")) == cle_de_nom(champs["nom"])
                and org.get("departement", champs["departement"]) == champs["departement"]
            ):
                return str(ident)
        return None
    attendu = territoire.get("epci" if kind == "epci" else "caf")
    if attendu in orgs:
        return str(attendu)
    for ident, org in meme_type:
        if kind == "caf" and org.get("departement") == champs["departement"]:
            return str(ident)
    return None


def _epci(imp: ImportTerritoire, orgs: CommentedMap, territoire: CommentedMap) -> str:
    """The EPCI as a sentence names it, by the file's name when it has one: « la Communauté
    d'agglomération de Grand Châtellerault »."""
    assert imp.epci is not None
    ident = _trouver(orgs, territoire, imp.epci)
    nom = str(orgs[ident].get("nom")) if ident else str(imp.epci.champs["nom"])
    return designation_avec_article(Organisation(type="epci", nom=nom))


def _nom(record: Record) -> str:
    code = record.champs.get("code_insee") or record.champs.get("siren")
    return f"{record.champs['nom']} ({code})" if code else str(record.champs["nom"])


def _nouvelle(
    orgs: CommentedMap, record: Record, epci: str | None, convention: ActeSigne | None
) -> tuple[Changement, str | None]:
    """An organisation the file lacks, added unless a signed convention lists the communes:
    the change, and the id written (None when drafted as an avenant)."""
    ident = record.ident
    n = 2
    while ident in orgs:  # an id the user already gave to something else
        ident, n = f"{record.ident}-{n}", n + 1
    record = Record(ident, record.champs, record.commentaire)
    if record.champs["type"] == "commune":
        texte = f"{_nom(record)} rejoint {epci}" if epci else f"commune ajoutée : {_nom(record)}"
        if convention is not None and epci:
            modification = {"ajoute": f"organisations.{ident}", "valeur": record.champs}
            return Changement(texte, convention, (modification,)), None
    else:
        texte = f"organisation ajoutée : {_nom(record)} (organisations.{ident})"
    communes = [i for i, o in orgs.items() if isinstance(o, dict) and o.get("type") == "commune"]
    position = list(orgs).index(communes[-1]) + 1 if communes else len(orgs)
    _ajouter(orgs, record, position)
    return Changement(texte), ident


def _ajouter(orgs: CommentedMap, record: Record, position: int) -> None:
    if record.champs["type"] == "commune":
        valeur = yamlrt.en_ligne(record.champs)
    else:
        valeur = yamlrt.en_bloc(record.champs)
    orgs.insert(position, record.ident, valeur)
    if record.commentaire:
        orgs.yaml_set_comment_before_after_key(record.ident, before=record.commentaire, indent=2)


def _mettre_a_jour(
    orgs: CommentedMap,
    ident: str,
    record: Record,
    actes: list[ActeSigne],
    convention: ActeSigne | None,
    ajouts: dict[tuple[str, ...], list[str]],
    requis: set[int],
) -> Iterator[Changement]:
    """The COG's values changed in the organisation; the keys it only adds are gathered in
    `ajouts` (by the keys added), to be said once for all the organisations alike."""
    org = orgs[ident]
    kind = record.champs["type"]
    ajoutes = []
    for cle in CHAMPS_COG[kind]:
        if cle not in record.champs:
            continue
        nouveau = record.champs[cle]
        if cle == "populations_legales":
            nouveau = _populations(yamlrt.simple(org.get(cle) or []), nouveau)
            manquants = sorted(requis - {p.get("millesime") for p in nouveau})
            if manquants:
                yield Changement(
                    f"{org.get('nom')} ({ident}) : populations légales non écrites : ses séances "
                    f"demandent le millésime {', '.join(map(str, manquants))}, que le COG ne "
                    "donne pas ; écrivez populations_legales avec ce millésime (INSEE), puis "
                    "relancez l'import",
                    note=True,
                )
                continue
        ancien = yamlrt.simple(org.get(cle))
        if ancien == nouveau:
            continue
        if ancien is None:
            ajoutes.append(cle)
            _poser(org, cle, nouveau)
            continue
        texte = f"{org.get('nom')} ({ident}) : {cle} « {_court(ancien)} » → « {_court(nouveau)} »"
        if cle == "nom":
            texte = f"commune renommée : « {ancien} » → « {nouveau} » (organisations.{ident})"
            acte = convention or next((a for a in actes if ident in a.parties), None)
            if acte is not None:
                modif = {"remplace": f"organisations.{ident}.nom", "valeur": nouveau}
                yield Changement(texte, acte, (modif,))
                continue
        _poser(org, cle, nouveau)
        yield Changement(texte)
    if ajoutes:
        ajouts.setdefault(tuple(ajoutes), []).append(ident)


def _poser(org: CommentedMap, cle: str, valeur: Any) -> None:
    """Set a value in the organisation's style: on one line in a mapping on one line, and a
    list written as a block stays a block. A new key goes after the COG's keys already there,
    never after the last key, whose trailing comments belong to what follows."""
    flux = org.fa.flow_style()
    rendu = yamlrt.en_ligne({cle: valeur})[cle] if flux else yamlrt.en_bloc({cle: valeur})[cle]
    ancien = org.get(cle)
    block = isinstance(ancien, CommentedSeq) and not ancien.fa.flow_style()
    if block and isinstance(rendu, CommentedSeq):
        rendu.fa.set_block_style()
    if cle in org:
        org[cle] = rendu
        return
    cles = list(org)
    ordre = [cles.index(k) for k in CHAMPS_COG.get(str(org.get("type")), ()) if k in org]
    position = max(ordre) + 1 if ordre else len(org)
    if not flux and position >= len(org) and len(org) > 1:
        position = len(org) - 1  # before the last key: its comments may introduce the next
    org.insert(position, cle, rendu)


def _populations(anciennes: list[dict[str, Any]], nouvelles: list[dict[str, Any]]) -> list[Any]:
    """The file's populations by millésime, with the COG's millésime set to its value."""
    par_millesime = {p.get("millesime"): p for p in anciennes if isinstance(p, dict)}
    for p in nouvelles:
        par_millesime[p["millesime"]] = p
    return [par_millesime[m] for m in sorted(par_millesime, key=lambda m: (m is None, m))]


def _court(valeur: Any) -> str:
    if isinstance(valeur, list):
        return ", ".join(
            f"{p.get('millesime')} : {p.get('population')}" if isinstance(p, dict) else str(p)
            for p in valeur
        )
    return str(valeur)


def _millesime(imp: ImportTerritoire) -> str:
    for record in imp.communes:
        for p in record.champs.get("populations_legales", []):
            return str(p["millesime"])
    return "?"


def _parties(
    doc: CommentedMap,
    orgs: CommentedMap,
    trouves: set[str],
    epci: str,
    imp: ImportTerritoire,
    convention: ActeSigne | None,
    autres: dict[str, str],
) -> Iterator[Changement]:
    """The communes of the file that the EPCI no longer has."""
    annee = imp.source.rsplit("COG ", 1)[-1].rstrip(")")
    partis = [
        str(i)
        for i, o in orgs.items()
        if isinstance(o, dict) and o.get("type") == "commune" and i not in trouves
    ]
    for ident in partis:
        texte = f"{orgs[ident].get('nom')} ({ident}) ne fait plus partie de {epci} (COG {annee})"
        if convention is not None:
            yield Changement(texte, convention, ({"retire": f"organisations.{ident}"},))
            continue
        ailleurs = _nommee_ailleurs(doc, ident, autres)
        if ailleurs:
            yield Changement(
                f"{texte} ; gardée, car {ailleurs} la nomme : retirez-la à la main", note=True
            )
            continue
        del orgs[ident]
        yield Changement(f"{texte} : retirée")


def _nommee_ailleurs(doc: CommentedMap, ident: str, autres: dict[str, str]) -> str | None:
    """Where the organisation is referred to: another key of territoire.yaml (a signataire…)
    or another data file (a séance of its council)."""
    motif = re.compile(rf"(?<![\w-]){re.escape(ident)}(?![\w-])")
    for nom, texte in sorted(autres.items()):
        if motif.search(texte):
            return nom
    for cle in doc:
        if cle == "organisations":
            continue
        if motif.search(yamlrt.ecrire(CommentedMap({cle: doc[cle]}))):
            return f"territoire.yaml ({cle})"
    return None


def sirets(doc: CommentedMap, sieges: dict[str, str], source: str) -> list[Changement]:
    """The SIRET of each organisation's siège, from a SIRENE extract (SIREN → SIRET): the COG
    gives the SIREN, never the NIC."""
    changements = []
    orgs = doc.get("organisations") or {}
    for ident, org in orgs.items():
        if not isinstance(org, CommentedMap) or str(org.get("siren") or "") not in sieges:
            continue
        siret = sieges[str(org["siren"])]
        ancien = org.get("siret")
        if ancien is not None and str(ancien) == siret:
            continue
        _poser(org, "siret", siret)
        avant = f"« {ancien} » → " if ancien is not None else ""
        changements.append(Changement(f"{org.get('nom')} ({ident}) : siret {avant}« {siret} »"))
    if changements:
        doc.setdefault("sources", CommentedMap())["sirene"] = source
    return changements
