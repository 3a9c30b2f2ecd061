"""One place for loading another script of this folder as a module (their names have hyphens, so `import` cannot)."""
import importlib.util, os

SCRIPTS = os.path.dirname(os.path.abspath(__file__))


def module(name, file):
    """The script `file` of scripts/, loaded as module `name`."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(SCRIPTS, file))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m
