"""``FeedbackExporter``: nbconvert's HTML exporter, with its templates compiled once.

``nbgrader generate_feedback`` builds a new exporter, and so compiles its Jinja
templates again, for every notebook: a quarter of the time a feedback page takes.
This exporter keeps the compiled templates in memory for the life of the process
(a batch worker writes one page after another). The pages are the same: Jinja's
bytecode cache is keyed by each template's source, so a changed template compiles
again.
"""

import jinja2
from nbconvert.exporters import HTMLExporter


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates by name and source checksum, in this process's memory."""

    def __init__(self):
        self.codes = {}

    def load_bytecode(self, bucket):
        code = self.codes.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.codes[(bucket.key, bucket.checksum)] = bucket.bytecode_to_string()


TEMPLATES = CompiledTemplates()


class FeedbackExporter(HTMLExporter):
    """nbconvert's ``HTMLExporter`` (configured as ``HTMLExporter`` is) whose
    templates are compiled once per process."""

    def _create_environment(self):
        environment = super()._create_environment()
        environment.bytecode_cache = TEMPLATES
        return environment
