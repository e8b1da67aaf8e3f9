"""Loaded by the crash test's fork server: every model is loaded once, before children fork.

Nothing is *run* here. The embedding engine uses GNU OpenMP, whose thread pool does not
survive ``fork``: a child forked from a process that has already embedded text hangs in its
first embedding. So children fork from a clean server process in which the models are
loaded but the pool was never started.
"""

from newsweave.annotate import embeddings, nlp
from newsweave.annotate import geo

for language in ("en", "fr", None):
    nlp.pipeline(language)
geo.gazetteer()
embeddings._model()
