#!/usr/bin/env python3
"""Records the cases of Python-Markdown's admonition tests and pymdown-extensions' details
tests as JSON (markdown, expected HTML, extensions), by running the test modules against
stubs of their test base classes: nothing of either project is imported or installed.

Usage: extract-admonition-cases.py PYTHON_MARKDOWN_CHECKOUT PYMDOWN_CHECKOUT > admonition-details-cases.json
"""
import json, sys, textwrap, types, importlib.util

cases = []

def record(project, name, markdown, html, extensions):
    cases.append({"project": project, "name": name, "markdown": markdown, "html": html, "extensions": extensions})

class PythonMarkdownCase:
    def dedent(self, text):
        return textwrap.dedent(text).strip()
    def assertMarkdownRenders(self, source, expected, expected_attrs=None, **kwargs):
        record("Python-Markdown", self._name, source, expected, kwargs.get("extensions", []))

class PymdownCase:
    extension = []
    def dedent(self, text, strip=False):
        return textwrap.dedent(text).strip('\n') if strip else textwrap.dedent(text)
    def check_markdown(self, text, expected, dedent=False):
        if dedent:
            text, expected = self.dedent(text), self.dedent(expected, True)
        record("pymdown-extensions", self._name, text, expected, list(self.extension))

def stub(name, **attributes):
    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    sys.modules[name] = module
    return module

def run(path, module_name, base):
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, base) and value is not base:
            for attribute in sorted(vars(value)):
                if attribute.startswith("test"):
                    case = value()
                    case._name = attribute
                    getattr(case, attribute)()

stub("markdown")
stub("markdown.test_tools", TestCase=PythonMarkdownCase)
run(sys.argv[1] + "/tests/test_syntax/extensions/test_admonition.py", "test_admonition", PythonMarkdownCase)
stub("tests")
stub("tests.test_extensions")
stub("tests.util", MdCase=PymdownCase)
sys.modules["tests"].util = sys.modules["tests.util"]
run(sys.argv[2] + "/tests/test_extensions/test_details.py", "tests.test_extensions.test_details", PymdownCase)

json.dump({
    "source": "Python-Markdown tests/test_syntax/extensions/test_admonition.py at commit bb50627dc07fde6ee5ed7478464062c537ebad2c and pymdown-extensions tests/test_extensions/test_details.py at commit 6d0097b85a52468e7cd8eaceaa192ff3348c41e0, recorded by Tests/RelnotesTests/Fixtures/spec/extract-admonition-cases.py",
    "licence": "Python-Markdown: BSD-3-Clause (Copyright 2007, 2008 The Python Markdown Project, 2004-2006 Yuri Takhteyev, 2004 Manfred Stienstra); pymdown-extensions: MIT (see its LICENSE.md)",
    "cases": cases,
}, sys.stdout, indent=1, ensure_ascii=False)
