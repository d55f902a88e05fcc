"""The kit's CheckCellMetadata accepts and refuses what nbgrader's does, checking its
schema once."""

import copy
import logging
import pathlib

import jsonschema
import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import SchemaTooNewError, SchemaTooOldError

from autograder import metadata

ROOT = pathlib.Path(__file__).resolve().parents[1]
RELEASED = sorted(ROOT.glob("release/*/*.ipynb"))


def graded_cell(nb):
    return next(cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade"))


def corrupt(change):
    nb = nbformat.read(RELEASED[0], as_version=4)
    change(graded_cell(nb).metadata.nbgrader)
    return nb


BROKEN = {
    "points below zero": lambda meta: meta.update(points=-1),
    "points as text": lambda meta: meta.update(points="2"),
    "grade as text": lambda meta: meta.update(grade="yes"),
    "no locked flag": lambda meta: meta.pop("locked"),
    "a space in the id": lambda meta: meta.update(grade_id="my cell"),
    "a short checksum": lambda meta: meta.update(checksum="abc"),
    "an unknown key": lambda meta: meta.update(hidden=True),
    "an unknown cell type": lambda meta: meta.update(cell_type="heading"),
    "an old schema": lambda meta: meta.update(schema_version=2),
    "a newer schema": lambda meta: meta.update(schema_version=4),
    "three faults at once": lambda meta: meta.update(points=-1, grade="yes", cell_type="x"),
}


def outcome(validator, nb):
    try:
        validator.validate_nb(copy.deepcopy(nb))
    except (ValidationError, SchemaTooOldError, SchemaTooNewError) as exc:
        return type(exc), str(exc)
    return None


def test_the_released_notebooks_are_valid_for_both():
    assert RELEASED
    for path in RELEASED:
        nb = nbformat.read(path, as_version=4)
        assert outcome(metadata.FastMetadataValidator(), nb) is None
        assert outcome(MetadataValidator(), nb) is None


@pytest.mark.parametrize("change", BROKEN.values(), ids=BROKEN.keys())
def test_broken_metadata_gets_nbgraders_own_error(change):
    nb = corrupt(change)
    expected = outcome(MetadataValidator(), nb)
    assert expected is not None
    assert outcome(metadata.FastMetadataValidator(), nb) == expected


def test_the_schema_is_checked_once_for_many_notebooks(monkeypatch):
    checked = []
    kind = jsonschema.validators.validator_for(MetadataValidator().schema)
    monkeypatch.setattr(kind, "check_schema", classmethod(lambda cls, schema: checked.append(1)))
    monkeypatch.setattr(metadata, "_COMPILED", {})
    for path in RELEASED:
        metadata.FastMetadataValidator().validate_nb(nbformat.read(path, as_version=4))
    assert checked == [1]


def test_the_preprocessor_stops_a_corrupted_notebook_as_nbgraders_does(caplog):
    step = metadata.CheckCellMetadata()
    nb = nbformat.read(RELEASED[0], as_version=4)
    assert step.preprocess(nb, {})[0] is nb
    with pytest.raises(ValidationError, match="nbgrader metadata may be corrupted"), \
            caplog.at_level(logging.ERROR):
        step.preprocess(corrupt(BROKEN["points below zero"]), {})
    assert "-1 is less than the minimum of 0" in caplog.text
