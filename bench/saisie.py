"""The séance form of `ctgdocs serve`, checked as it is typed: what one check costs.

Each change in the form sends it to /verifier, which composes the séance file, reads the
territory with it in place of its file and runs every rule (serve/verification). Measured here
on each séance of the examples and on a synthetic council of 69 members (the largest municipal
council, Paris's 163 aside, is 69: communes of 300 000 inhabitants and more, CGCT L2121-2),
the fastest of `repeat` checks after one warm-up, in the process (no HTTP).

    python bench/saisie.py          prints the figures (run.py records them with the others)
"""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

MEMBRES_SYNTHETIQUES = 69


def _best_ms(fn, repeat: int) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 1)


def _exemples(repeat: int) -> list[dict]:
    from ctgdocs.load.yamlfile import read_yaml
    from ctgdocs.serve import seances
    from ctgdocs.serve.saisie import depuis_donnees
    from ctgdocs.serve.verification import verifier

    rows = []
    for dossier in sorted((ROOT / "data").iterdir()):
        for nom in seances.seances(dossier) if (dossier / "seances").is_dir() else []:
            fichier = seances.fichier_seance(dossier, nom)
            assert fichier is not None
            data = read_yaml(fichier, dossier).data
            saisie = depuis_donnees(data)
            t = seances.lire_territoire(dossier)
            assert t is not None
            conseil = seances.avec_le_fichier(
                t, seances.conseils(dossier, t)[saisie.collectivite], data
            )
            texte = fichier.read_text(encoding="utf-8")
            check = functools.partial(verifier, dossier, fichier, texte, saisie, conseil.ids)
            ms = _best_ms(check, repeat)
            rows.append({"seance": f"{dossier.name}/{nom}", "membres": len(conseil.ids), "ms": ms})
    return rows


def _synthetique(repeat: int) -> dict:
    """A fictitious commune whose council has 69 members, 60 présents, 9 pouvoirs, and a séance
    of 10 deliberations (the territory is written for the run, then removed)."""
    from ctgdocs.serve import seances
    from ctgdocs.serve.saisie import Bloc, DeliberationSaisie, Saisie
    from ctgdocs.serve.verification import verifier

    ids = [f"elu-{n:02d}-exemple" for n in range(1, MEMBRES_SYNTHETIQUES + 1)]
    personnes = "\n".join(
        f"  {i}: {{civilite: M., prenom: Élu, nom: EXEMPLE{n:02d}}}" for n, i in enumerate(ids, 1)
    )
    with tempfile.TemporaryDirectory(prefix="bench-saisie-") as tmp:
        dossier = Path(tmp) / "commune-fictive"
        (dossier / "seances").mkdir(parents=True)
        (dossier / "territoire.yaml").write_text(
            "# FICTIF : un conseil de 69 membres pour le banc de performances.\n"
            "territoire: {nom: Commune fictive, epci: cc-fictive, caf: caf-fictive}\n"
            "organisations:\n"
            "  caf-fictive: {type: caf, nom: Caisse d'allocations familiales fictive, departement: '13'}\n"
            "  cc-fictive: {type: epci, nom: Communauté de communes fictive, departement: '13'}\n"
            "  commune-fictive:\n"
            "    type: commune\n    nom: Fictiveville\n    departement: '13'\n"
            f"    executif: {ids[0]}\n"
            f"    conseil: {{membres_en_exercice: 69, membres: [{', '.join(ids)}]}}\n"
            f"personnes:\n{personnes}\n",
            encoding="utf-8",
        )
        saisie = Saisie(
            "commune-fictive",
            date="2026-03-12",
            heure="18h30",
            convocation="2026-03-05",
            president=ids[0],
            secretaires=[ids[1]],
            membres_en_exercice="69",
            presents=ids[:60],
            pouvoirs={m: ids[k] for k, m in enumerate(ids[60:])},
            deliberations=[
                DeliberationSaisie(
                    numero=f"2026-{n:02d}",
                    objet=f"Délibération fictive n° {n}",
                    rapporteur=ids[0],
                    expose=[Bloc(texte="Un exposé fictif.")],
                    decisions=[Bloc(verbe="approuver", texte="la proposition")],
                )
                for n in range(1, 11)
            ],
        )
        fichier = seances.nouveau_fichier(dossier, saisie.date, saisie.collectivite)
        v = verifier(dossier, fichier, None, saisie, ids)
        assert v.valide, (v.messages, v.generaux)
        ms = _best_ms(lambda: verifier(dossier, fichier, None, saisie, ids), repeat)
        shutil.rmtree(dossier)
    return {"membres": MEMBRES_SYNTHETIQUES, "deliberations": 10, "ms": ms}


def measure(repeat: int) -> dict:
    return {"exemples": _exemples(repeat), "synthetique": _synthetique(repeat)}


def lines(r: dict) -> list[str]:
    out = [f"{'séance checked as typed (serve)':62} {'members':>7} {'ms':>8}"]
    for row in r["exemples"]:
        out.append(f"{row['seance']:62} {row['membres']:7} {row['ms']:8.1f}")
    s = r["synthetique"]
    out.append(
        f"{'synthetic: ' + str(s['deliberations']) + ' deliberations':62} {s['membres']:7} "
        f"{s['ms']:8.1f}"
    )
    return out


if __name__ == "__main__":
    for line in lines(measure(repeat=10)):
        print(line)
