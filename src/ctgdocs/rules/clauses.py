"""A contract's articles, resolved and checked: which list it follows (its own, its model's, or
the shipped one), where each clause's words come from (the territory's clauses/, then its
model, then the shipped clauses), and every value a text names, at its line and column.

Resolution order for a clause `nom`: the territory's `clauses/nom.md`, the model's
`modeles/<modele>/nom.md`, then the shipped `templates/clauses/nom.md.j2` if the contract's
shipped list has it (a shipped clause reads its contract's context, so it serves only there)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ctgdocs.avenants.contrats import CONTRATS
from ctgdocs.errors import Location, Problem
from ctgdocs.load.clauses import Bibliotheque, Clause, liste_livree
from ctgdocs.load.territoire import DonneesTerritoire, Fichier, chemin, localiser
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import valeurs, vocabulaire
from ctgdocs.model.articles import Article, ModeleActe, ModeleAvenant, ModeleConvention
from ctgdocs.model.avenant import Avenant
from ctgdocs.model.parties import StyleParties

# An avenant's computed articles (one per changed part) take the place of this clause.
MODIFICATIONS = "modifications"
# The data texts an acte d'engagement's article may take (acte.yaml).
DONNEES_ACTE = ("champs_intervention_commune", "postes_coordination", "calendrier")


@dataclass(frozen=True)
class Origine:
    """Where a list of articles was written: a data file, a model's modele.yaml, or the
    shipped list (no location)."""

    fichier: Fichier[Any] | None
    marques: Any  # a modele.yaml's marks
    racine: Path_  # the path of the list in that file

    def location(self, path: Path_) -> Location | None:
        if self.fichier is not None:
            return self.fichier.marks.location((*self.racine, *path))
        if self.marques is not None:
            loc: Location = self.marques.location((*self.racine, *path))
            return loc
        return None


@dataclass(frozen=True)
class ArticleResolu:
    article: Article
    position: int  # from 0, in its list
    titre: str | None  # its title, values not yet computed; None if nothing gives one
    clause: Clause | None  # a user's clause file
    livree: str | None  # a shipped clause (templates/clauses/<livree>.md.j2)
    donnees: str | None  # a data text of the acte


@dataclass(frozen=True)
class Articles:
    """A contract's resolved articles, and where their list was written."""

    contrat: str
    origine: Origine
    articles: list[ArticleResolu]
    bibliotheques: list[Bibliotheque]  # where its clauses were looked up, in order


def modele(d: DonneesTerritoire, explicite: str | None) -> Bibliotheque | None:
    """The model a contract uses: the one it names, else its Caf's, else the shipped one."""
    caf = d.territoire.model.organisations.get(d.territoire.model.territoire.caf)
    nom = explicite or (caf.modele if caf else None)
    return d.modeles.get(nom) if nom else None


def modele_du_contrat(d: DonneesTerritoire, av: Avenant) -> str | None:
    """The model an avenant follows: the one its act names (else its act's Caf's)."""
    if av.modifie == vocabulaire.CONVENTION and d.convention is not None:
        return d.convention.model.convention.modele
    if av.modifie == vocabulaire.ACTE and d.acte is not None:
        return d.acte.model.acte_engagement.modele
    return None


def section_modele(
    d: DonneesTerritoire, contrat: str, nom_modele: str | None
) -> ModeleAvenant | None:
    """What the contract's model (modele.yaml) sets for its kind, if anything."""
    bib = modele(d, nom_modele)
    if bib is None or bib.modele is None:
        return None
    section: ModeleAvenant | None = getattr(bib.modele, cle_modele(contrat))
    return section


def modele_convention(d: DonneesTerritoire, nom_modele: str | None) -> ModeleConvention | None:
    section = section_modele(d, vocabulaire.CONVENTION, nom_modele)
    assert section is None or isinstance(section, ModeleConvention)
    return section


def modele_acte(d: DonneesTerritoire, nom_modele: str | None) -> ModeleActe | None:
    section = section_modele(d, vocabulaire.ACTE, nom_modele)
    assert section is None or isinstance(section, ModeleActe)
    return section


def style(
    d: DonneesTerritoire, contrat: str, nom_modele: str | None, propre: StyleParties | None
) -> StyleParties | None:
    """The parties block's style a contract asks for: its model's, with its own on top (only
    the fields written in each); the kind's default fills the rest (documents/parties.py)."""
    section = section_modele(d, contrat, nom_modele)
    du_modele = section.style_parties if section is not None else None
    if du_modele is None or propre is None:
        return propre or du_modele
    return StyleParties.model_validate(
        {**du_modele.model_dump(exclude_unset=True), **propre.model_dump(exclude_unset=True)}
    )


def resoudre(
    d: DonneesTerritoire,
    contrat: str,
    liste: list[Article] | None,
    fichier: Fichier[Any] | None,
    racine: Path_,
    nom_modele: str | None,
    avenants: bool = False,
) -> Articles:
    """The articles of a contract: `liste` as written at `racine` of `fichier`, else its
    model's list, else the shipped list; with `avenants`, each article that an avenant of `d`
    rewrites (remplace_articles) in its new wording (a consolidated version, and an act after
    its avenant)."""
    bib = modele(d, nom_modele)
    bibliotheques = [b for b in (d.clauses, bib) if b is not None]
    livree = liste_livree(contrat)
    titres_livres = {a.nom: a.titre for a in livree if a.nom}
    if liste is not None:
        origine = Origine(fichier, None, (*racine, "articles"))
    else:
        de_modele = section_modele(d, contrat, nom_modele)
        if de_modele is not None and de_modele.articles is not None:
            assert bib is not None
            liste = de_modele.articles
            origine = Origine(None, bib.marques, (cle_modele(contrat), "articles"))
        else:
            liste = list(livree)
            origine = Origine(None, None, ())
    resolus = []
    for i, article in enumerate(liste):
        clause = None
        livre = None
        if article.clause is not None:
            clause = next(
                (b.clauses[article.clause] for b in bibliotheques if article.clause in b.clauses),
                None,
            )
            if clause is None and article.clause in titres_livres:
                livre = article.clause
        titre = article.titre or (clause.titre if clause else None)
        if titre is None and article.nom:
            titre = titres_livres.get(article.nom)
        resolus.append(ArticleResolu(article, i, titre, clause, livre, article.donnees))
    if avenants:
        for fichier_av in d.avenants:
            av = fichier_av.model.avenant
            if av.modifie != contrat:
                continue
            for rempl in av.remplace_articles:
                if rempl.article <= len(resolus):
                    ancien = resolus[rempl.article - 1]
                    nouveau = Article(
                        titre=rempl.titre or ancien.titre,
                        texte=rempl.texte,
                        sous_articles=rempl.sous_articles,
                    )
                    resolus[rempl.article - 1] = ArticleResolu(
                        nouveau, ancien.position, nouveau.titre, None, None, None
                    )
    return Articles(contrat, origine, resolus, bibliotheques)


def check(a: Articles, problem_hors_liste: Location) -> Iterator[Problem]:
    """Every article has words and a title, and every value its texts name exists for its
    kind of contract. `problem_hors_liste` locates what a shipped list cannot (the contract)."""
    connus = vocabulaire.noms(a.contrat)
    livree = {x.clause for x in liste_livree(a.contrat) if x.clause}

    def ou(path: Path_) -> Location:
        return a.origine.location(path) or problem_hors_liste

    def champ(path: Path_) -> str:
        return chemin((*a.origine.racine, *path))

    for r in a.articles:
        art = r.article
        if art.clause is not None and r.clause is None and r.livree is None:
            disponibles = sorted({n for b in a.bibliotheques for n in b.clauses} | livree)
            close = difflib.get_close_matches(art.clause, disponibles, n=1, cutoff=0.6)
            hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
            lieux = " ou ".join(
                ["clauses/ du territoire"]
                + [f"modeles/{b.nom}/" for b in a.bibliotheques if b.nom]
                + ["les clauses livrées de ce contrat"]
            )
            yield Problem(
                ou((r.position, "clause")),
                f"clause « {art.clause} » introuvable dans {lieux} ; clauses possibles : "
                f"{', '.join(disponibles)}{hint}",
                champ((r.position, "clause")),
            )
            continue
        if art.donnees is not None and (
            a.contrat != vocabulaire.ACTE or art.donnees not in DONNEES_ACTE
        ):
            possibles = ", ".join(DONNEES_ACTE) if a.contrat == vocabulaire.ACTE else "aucun"
            yield Problem(
                ou((r.position, "donnees")),
                f"texte des données « {art.donnees} » inconnu pour ce contrat ; possibles : {possibles}",
                champ((r.position, "donnees")),
            )
            continue
        if r.titre is None:
            yield Problem(
                ou((r.position,)),
                f"l'article {r.position + 1} n'a pas de titre : l'en-tête de la clause "
                f"« {art.clause} » n'en donne pas ; écrire « titre »",
                champ((r.position,)),
            )
        elif art.titre is not None:
            yield from _valeurs(
                art.titre,
                connus,
                ou((r.position, "titre")),
                champ((r.position, "titre")),
                a.contrat,
            )
        elif r.clause is not None and r.clause.titre:
            yield from _valeurs_clause(r.clause, r.clause.titre, connus, a.contrat, titre=True)
        if r.clause is not None:
            yield from _valeurs_clause(r.clause, r.clause.texte, connus, a.contrat)
        if art.texte is not None:
            yield from _valeurs(
                art.texte,
                connus,
                ou((r.position, "texte")),
                champ((r.position, "texte")),
                a.contrat,
            )
        for j, sous in enumerate(art.sous_articles):
            for cle in ("titre", "texte"):
                chemin_sous: Path_ = (r.position, "sous_articles", j, cle)
                yield from _valeurs(
                    getattr(sous, cle), connus, ou(chemin_sous), champ(chemin_sous), a.contrat
                )
        for j, texte in enumerate(art.ajout):
            chemin_ajout: Path_ = (r.position, "ajout", j)
            yield from _valeurs(texte, connus, ou(chemin_ajout), champ(chemin_ajout), a.contrat)


def avenants_check(d: DonneesTerritoire) -> Iterator[Problem]:
    """An avenant's own articles, and the articles it rewrites: each article it rewrites
    exists, each text names values of its contract, the computed modifications have a place."""
    for fichier in d.avenants:
        av = fichier.model.avenant
        nom_modele = modele_du_contrat(d, av)
        propres = resoudre(d, vocabulaire.AVENANT, av.articles, fichier, ("avenant",), nom_modele)
        connus_avenant = vocabulaire.noms(vocabulaire.AVENANT)
        if av.cloture is not None:
            for nom in valeurs.noms(av.cloture):
                message = inconnue(nom, connus_avenant, vocabulaire.AVENANT)
                if message is not None:
                    yield fichier.problem(("avenant", "cloture"), message, needle="{" + nom + "}")
        yield from check(propres, fichier.marks.location(("avenant",)))
        calcules = av.modifications or av.remplace_articles
        if (
            av.articles is not None
            and calcules
            and not any(r.livree == MODIFICATIONS for r in propres.articles)
        ):
            yield fichier.problem(
                ("avenant", "articles"),
                "les articles calculés (modifications, remplace_articles) n'ont pas de place "
                "dans la liste : y écrire « - clause: modifications »",
            )
        if not av.remplace_articles:
            continue
        acte = d.acte.model.acte_engagement if d.acte else None
        conv = d.convention.model.convention if d.convention else None
        if av.modifie == vocabulaire.CONVENTION and conv is not None and d.convention:
            cible = resoudre(
                d, av.modifie, conv.articles, d.convention, ("convention",), conv.modele
            )
        elif av.modifie == vocabulaire.ACTE and acte is not None and d.acte:
            cible = resoudre(
                d, av.modifie, acte.articles, d.acte, ("acte_engagement",), acte.modele
            )
        else:
            continue  # the avenant rules say the act is missing
        connus = vocabulaire.noms(av.modifie)
        for i, rempl in enumerate(av.remplace_articles):
            racine: Path_ = ("avenant", "remplace_articles", i)
            if rempl.article > len(cible.articles):
                yield fichier.problem(
                    (*racine, "article"),
                    f"l'article {rempl.article} n'existe pas : "
                    f"{CONTRATS[av.modifie].formes.ref} a {len(cible.articles)} articles",
                )
            textes: list[tuple[Path_, str | None]] = [
                ((*racine, "titre"), rempl.titre),
                ((*racine, "texte"), rempl.texte),
            ] + [
                ((*racine, "sous_articles", j, "texte"), s.texte)
                for j, s in enumerate(rempl.sous_articles)
            ]
            for path, texte in textes:
                if texte is None:
                    continue
                for nom in valeurs.noms(texte):
                    message = inconnue(nom, connus, av.modifie)
                    if message is not None:
                        yield fichier.problem(path, message, needle="{" + nom + "}")


def inconnue(nom: str, connus: Sequence[str], contrat: str | None = None) -> str | None:
    """The message for a value name that is not in `connus`, or None when it is: a value of
    another kind of contract says where it exists; else the closest name when one is close,
    else every possible name."""
    if valeurs.base(nom) in connus:
        return None
    v = vocabulaire.VOCABULAIRE.get(valeurs.base(nom))
    if v is not None and contrat is not None:
        return (
            f"la valeur « {{{nom}}} » n'existe pas dans {NOMS_CONTRATS[contrat]} ; elle existe "
            f"dans {_ailleurs(v)}"
        )
    close = difflib.get_close_matches(valeurs.base(nom), list(connus), n=1, cutoff=0.6)
    if close:
        return f"valeur inconnue « {{{nom}}} » ; vouliez-vous dire « {{{close[0]}}} » ?"
    return (
        f"valeur inconnue « {{{nom}}} » ; valeurs calculées possibles : "
        f"{', '.join('{' + k + '}' for k in connus)}"
    )


def _valeurs(
    texte: str, connus: Sequence[str], ou: Location, champ: str, contrat: str
) -> Iterator[Problem]:
    """The unknown values of a text written in a YAML file, each where it is written."""
    for nom in valeurs.noms(texte):
        message = inconnue(nom, connus, contrat)
        if message is not None:
            yield Problem(localiser(ou, "{" + nom + "}"), message, champ)


NOMS_CONTRATS = {
    vocabulaire.CONVENTION: "une convention",
    vocabulaire.ACTE: "un acte d'engagement",
    vocabulaire.AVENANT: "un avenant",
}


def _ailleurs(v: vocabulaire.Valeur) -> str:
    """The kinds of contract a value exists in: « une convention ou un avenant »."""
    return " ou ".join(NOMS_CONTRATS[c] for c in NOMS_CONTRATS if c in v.contrats)


def cle_modele(contrat: str) -> str:
    """A kind of contract's key in modele.yaml: « acte-engagement » is acte_engagement."""
    return contrat.replace("-", "_")


def _valeurs_clause(
    clause: Clause, texte: str, connus: Sequence[str], contrat: str, titre: bool = False
) -> Iterator[Problem]:
    """The values of a clause file that exist, but not in this kind of contract (a value that
    exists in none is reported once, by `bibliotheques`)."""
    for nom, ligne, colonne in valeurs.positions(texte):
        v = vocabulaire.VOCABULAIRE.get(valeurs.base(nom))
        if v is None or valeurs.base(nom) in connus:
            continue
        yield Problem(
            Location(clause.path, 2, None) if titre else clause.location(ligne, colonne),
            f"la valeur « {{{nom}}} » n'existe pas dans {NOMS_CONTRATS[contrat]}, qui utilise "
            f"cette clause ; elle existe dans {_ailleurs(v)}",
            "titre" if titre else "",
        )


def bibliotheques(d: DonneesTerritoire) -> Iterator[Problem]:
    """Every clause file of the territory's clauses/ and of the models it names names only
    values of the vocabulary, each reported at its line and column in the file; a model's
    closing formulas, only values of their kind of contract."""
    tous = list(vocabulaire.VOCABULAIRE)
    for bib in (d.clauses, *d.modeles.values()):
        if bib is None:
            continue
        if bib.modele is not None and bib.fichier_modele is not None:
            for contrat in NOMS_CONTRATS:
                section = getattr(bib.modele, cle_modele(contrat))
                if section is None or section.cloture is None:
                    continue
                path: Path_ = (cle_modele(contrat), "cloture")
                for nom in valeurs.noms(section.cloture):
                    message = inconnue(nom, vocabulaire.noms(contrat), contrat)
                    if message is not None:
                        ou = localiser(bib.marques.location(path), "{" + nom + "}")
                        yield Problem(ou, message, chemin(path))
        for clause in bib.clauses.values():
            if clause.titre:
                for nom in valeurs.noms(clause.titre):
                    message = inconnue(nom, tous)
                    if message is not None:
                        yield Problem(Location(clause.path, 2, None), message, "titre")
            for nom, ligne, colonne in valeurs.positions(clause.texte):
                message = inconnue(nom, tous)
                if message is not None:
                    yield Problem(clause.location(ligne, colonne), message)
