"""Test settings shared by the whole suite: a throwaway var/ folder per run."""

import os
import tempfile

os.environ.setdefault("MSAADA_VAR_DIR", tempfile.mkdtemp(prefix="msaada-test-var-"))
os.environ.setdefault("MSAADA_TESTING", "1")
