"""``CheckCellMetadata``: nbgrader's check of the cells' grading metadata, its schema
compiled once per process.

nbgrader validates each graded cell's metadata with ``jsonschema.validate``, which
checks the schema itself against JSON Schema's metaschema before every cell: a
sixth of a second per notebook when a class is graded. This check accepts and
refuses exactly what nbgrader's does, with the same errors.
"""

import jsonschema
from jsonschema.exceptions import best_match
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import CheckCellMetadata as NbgraderCheckCellMetadata

_COMPILED = {}


class _CompiledSchema(BaseMetadataValidator):
    def validate_cell(self, cell):
        meta = cell.metadata.get("nbgrader")
        if meta is None or meta.get("schema_version", 0) != self.schema_version:
            return super().validate_cell(cell)  # nbgrader's own answer, version errors included
        if self.schema_version not in _COMPILED:
            kind = jsonschema.validators.validator_for(self.schema)
            kind.check_schema(self.schema)
            _COMPILED[self.schema_version] = kind(self.schema)
        error = best_match(_COMPILED[self.schema_version].iter_errors(meta))
        if error is not None:
            raise error


class FastMetadataValidator(MetadataValidator, _CompiledSchema):
    """nbgrader's current metadata validator, whose per-cell schema check runs on a
    validator compiled once (the cell-type and uniqueness checks are nbgrader's)."""


class CheckCellMetadata(NbgraderCheckCellMetadata):
    """nbgrader's ``CheckCellMetadata`` with :class:`FastMetadataValidator`."""

    def preprocess(self, nb, resources):
        try:
            FastMetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.exception("Notebook failed to validate")
            raise ValidationError("Notebook failed to validate; the nbgrader metadata may be "
                                  "corrupted.") from None
        return nb, resources
