"""Every data file is read only if it is a regular file inside its territory's folder once
resolved: a link out of it, a loop, a named pipe or a device is refused at its place, nothing read,
no command waits (issue 16, « Reading »)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MAUSSANE, POITIERS, SEANCE_MAUSSANE
from ctgdocs.cli import main
from ctgdocs.load import access

OUTSIDE = "# yaml-language-server: $schema=x\nSECRET_HORS_DU_DOSSIER: 1\n"

# One data file of each kind an example holds (the territory, a séance, a convention, an acte,
# a coordination, an avenant).
KINDS = [
    (MAUSSANE, "territoire.yaml"),
    (MAUSSANE, SEANCE_MAUSSANE),
    ("grand-chatellerault", "convention.yaml"),
    ("grand-chatellerault", "coordination.yaml"),
    ("grand-chatellerault", "avenants/01-prolongation.yaml"),
    ("le-pradet", "acte.yaml"),
]


def validate(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", str(folder)])
    return result.exit_code, result.stderr


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "ailleurs" / "secret.yaml"
    path.parent.mkdir()
    path.write_text(OUTSIDE, encoding="utf-8")
    return path


def _replace(path: Path, make) -> None:
    path.unlink()
    make(path)


def test_the_kinds_list_names_files_of_the_examples():
    from conftest import DATA

    for territoire, rel in KINDS:
        assert (DATA / territoire / rel).is_file(), rel


@pytest.mark.parametrize(("territoire", "rel"), KINDS)
def test_a_link_out_of_the_territory_is_refused_for_each_file_kind(copie, secret, territoire, rel):
    c = copie(territoire)
    _replace(c.path(rel), lambda p: p.symlink_to(secret))
    code, err = validate(c.dir)
    assert code == 1
    assert (
        f"erreur : {territoire}/{rel}: lien symbolique qui sort de {territoire} (vers {secret}) : refusé, rien n'a été lu"
        in err
    )
    assert "SECRET" not in err


@pytest.mark.parametrize(("territoire", "rel"), KINDS)
def test_a_named_pipe_is_refused_without_waiting(copie, territoire, rel):
    c = copie(territoire)
    _replace(c.path(rel), os.mkfifo)
    outcome: list[tuple[int, str]] = []
    reader = threading.Thread(target=lambda: outcome.append(validate(c.dir)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():  # unblock the reader before failing, so the suite goes on
        with open(c.path(rel), "wb"):
            pass
        pytest.fail("validate waits on a named pipe")
    code, err = outcome[0]
    assert code == 1
    assert (
        f"{territoire}/{rel}: un tube nommé (FIFO), pas un fichier ordinaire : refusé, rien n'a été lu"
        in err
    )


def test_a_device_is_refused(copie):
    if os.geteuid() != 0:
        pytest.skip("créer un périphérique demande les droits root")
    c = copie(MAUSSANE)
    _replace(c.path(SEANCE_MAUSSANE), lambda p: os.mknod(p, stat.S_IFCHR | 0o600, os.makedev(1, 3)))
    code, err = validate(c.dir)
    assert code == 1
    assert f"{SEANCE_MAUSSANE}: un périphérique, pas un fichier ordinaire : refusé" in err


def test_a_seances_folder_linked_out_of_the_territory_is_refused(copie, tmp_path):
    c = copie(MAUSSANE)
    ailleurs = tmp_path / "ailleurs-seances"
    c.path("seances").rename(ailleurs)
    c.path("seances").symlink_to(ailleurs)
    code, err = validate(c.dir)
    assert code == 1
    assert f"lien symbolique qui sort de {MAUSSANE}" in err
    refused = [line for line in err.splitlines() if line.startswith("erreur : ")]
    assert len(refused) == len(list(ailleurs.glob("*.yaml")))


def test_a_link_loop_is_refused(copie):
    c = copie(MAUSSANE)
    boucle = c.path("seances/boucle.yaml")
    boucle.symlink_to(boucle)
    code, err = validate(c.dir)
    assert code == 1
    assert f"{MAUSSANE}/seances/boucle.yaml: boucle de liens symboliques : rien n'a été lu" in err


def test_a_folder_link_loop_ends(copie):
    c = copie(MAUSSANE)
    c.path("seances/sous").symlink_to(c.path("seances"))
    code, _ = validate(c.dir)
    assert code == 0  # a link to a folder inside is not walked: nothing of it is a data file


def test_a_dangling_link_is_said(copie):
    c = copie(POITIERS)
    c.path("seances/absente.yaml").symlink_to("nulle-part.yaml")
    code, err = validate(c.dir)
    assert code == 1
    assert "seances/absente.yaml: lien symbolique vers un fichier absent (nulle-part.yaml)" in err


def test_a_link_that_stays_inside_is_followed(copie):
    c = copie(MAUSSANE)
    archive = c.path("registre")  # not a .yaml: not taken for a data file of its own
    archive.mkdir()
    seance = c.path(SEANCE_MAUSSANE)
    seance.rename(archive / "2022-07-29.seance")
    seance.symlink_to(Path("..") / "registre" / "2022-07-29.seance")
    assert validate(c.dir) == (0, "")


def test_the_pdf_embeds_only_what_was_read_inside(copie, secret, tmp_path):
    """The embedded sources are read through the same guard: a file swapped for a link after
    loading is refused, its bytes never reach the PDF."""
    from ctgdocs.documents.base import sources

    c = copie(MAUSSANE)
    seance = c.path(SEANCE_MAUSSANE)
    assert sources(c.dir, [str(seance)])[0].contenu == seance.read_bytes()
    _replace(seance, lambda p: p.symlink_to(secret))
    with pytest.raises(access.AccessRefused, match="lien symbolique qui sort de"):
        sources(c.dir, [str(seance)])


def test_access_refuses_a_file_outside_without_a_link(tmp_path):
    root = tmp_path / "dedans"
    root.mkdir()
    dehors = tmp_path / "dehors.yaml"
    dehors.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(access.AccessRefused, match=r"fichier hors de .* : refusé, rien n'a été lu"):
        access.read_bytes(dehors, [root])


def test_access_reads_a_regular_file_inside_up_to_its_limit(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"0123456789")
    assert access.read_bytes(path, [tmp_path]) == b"0123456789"
    assert access.read_bytes(path, [tmp_path], limit=3) == b"0123"


def test_a_socket_is_refused(copie):
    import socket

    c = copie(MAUSSANE)
    path = c.path(SEANCE_MAUSSANE)
    path.unlink()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    here = os.getcwd()
    os.chdir(path.parent)  # an AF_UNIX address is at most 108 bytes: bind by the name alone
    try:
        server.bind(path.name)
        os.chdir(here)
        code, err = validate(c.dir)
    finally:
        os.chdir(here)
        server.close()
    assert code == 1
    assert "une socket, pas un fichier ordinaire : refusé, rien n'a été lu" in err
