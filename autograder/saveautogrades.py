"""``SaveAutoGrades``: nbgrader's step that records the autograder's scores, with the
notebook's grade and comment rows loaded at once (:mod:`autograder.gradebook`)."""

from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.preprocessors import SaveAutoGrades as NbgraderSaveAutoGrades

from .gradebook import Prefetched


class SaveAutoGrades(NbgraderSaveAutoGrades):
    """nbgrader's ``SaveAutoGrades``: the same scores and comments, committed once."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.student_id, self.db_url = info["student"], info["db_url"]
        with Gradebook(self.db_url) as gradebook:
            self.gradebook = Prefetched(gradebook, self.notebook_id, self.assignment_id,
                                        self.student_id)
            nb, resources = NbGraderPreprocessor.preprocess(self, nb, resources)
            self.gradebook.commit()
        return nb, resources
