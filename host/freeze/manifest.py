# The manifest reader, run by mpy-wasm itself (host/freeze/manifest.ts): the
# functions a MicroPython manifest.py may call, with the semantics of
# MicroPython's tools/manifestfile.py in freeze mode. The host fills in
# _MANIFEST, _VARS and _LIBS and reads the printed result.
#
# Each frozen file becomes a record [kind, full_path, target_path, opt]:
# kind "source" (freeze_as_str), "mpy-compile" (.py compiled to bytecode)
# or "mpy-file" (a .mpy frozen as it is).

import os, json


class ManifestError(Exception):
    pass


def _isdir(p):
    try:
        return os.stat(p)[0] & 0x4000 != 0
    except OSError:
        return False


def _isfile(p):
    try:
        return os.stat(p)[0] & 0x8000 != 0
    except OSError:
        return False


def _norm(p):
    # an absolute path without "." and ".." parts
    out = []
    for part in p.split("/"):
        if part == "" or part == ".":
            continue
        if part == "..":
            if out:
                out.pop()
        else:
            out.append(part)
    return "/" + "/".join(out)


def _join(a, b):
    if b.startswith("/"):
        return b
    return a.rstrip("/") + "/" + b


def _dirname(p):
    i = p.rfind("/")
    return p[:i] if i > 0 else "/"


def _ext(p):
    name = p[p.rfind("/") + 1 :]
    i = name.rfind(".")
    return name[i:].lower() if i > 0 else ""


def _walk(top, rel):
    # (relative path, full path) of every file below top/rel, in name order
    d = _join(top, rel) if rel else top
    for entry in sorted(os.ilistdir(d), key=lambda e: e[0]):
        name, kind = entry[0], entry[1]
        r = rel + "/" + name if rel else name
        if kind == 0x4000:
            yield from _walk(top, r)
        else:
            yield r


class _Options:
    def __init__(self, kwargs):
        self._kwargs = kwargs
        self._defaults = {}

    def defaults(self, **kwargs):
        self._defaults = kwargs

    def __getattr__(self, name):
        if name in self._kwargs:
            return self._kwargs[name]
        return self._defaults.get(name, None)


class _Manifest:
    def __init__(self, top, path_vars, libs):
        self.vars = path_vars
        self.files = []
        self.visited = []
        self.dirs = [_dirname(top)]  # the directory of the manifest being run (relative paths start there)
        self.libraries = {}
        self.library_dirs = []
        self.meta = [None]
        if path_vars.get("MPY_LIB_DIR"):
            for lib in ("micropython", "python-stdlib", "python-ecosys"):
                self.add_library(lib, "$(MPY_LIB_DIR)/" + lib)
        for name, path in libs:
            self.add_library(name, path)

    def resolve(self, path):
        for name, value in self.vars.items():
            path = path.replace("$(" + name + ")", value)
        i = path.find("$(")
        if i >= 0:
            raise ManifestError("unknown variable " + path[i : path.find(")", i) + 1] + " in path")
        return _norm(_join(self.dirs[-1], path))

    def add_file(self, full, target, kind, opt):
        if not _isfile(full):
            raise ManifestError("Cannot stat " + full)
        ext = _ext(full)
        if kind == "auto":
            kind = "mpy-file" if ext == ".mpy" else "mpy-compile"
        if kind == "mpy-file":
            target = target[:-4] + ".py"
        self.files.append([kind, full, target, opt])

    def search(self, base, package, files, exts, kind, opt):
        base = self.resolve(base)
        if files is not None:
            for f in files:
                if package:
                    f = package + "/" + f
                self.add_file(_norm(_join(base, f)), f, kind, opt)
            return
        if package and not _isdir(_join(base, package)):
            raise ManifestError("Cannot stat " + _join(base, package))
        if not _isdir(base):
            raise ManifestError("Cannot stat " + base)
        for rel in _walk(base, package or ""):
            if _ext(rel) in exts:
                self.add_file(_join(base, rel), rel, kind, opt)

    # ---- the manifest API ----

    def metadata(self, description=None, version=None, license=None, author=None, stdlib=False, pypi=None, pypi_publish=None):
        if self.meta[-1] is not None:
            raise ManifestError("Duplicate call to metadata().")
        self.meta[-1] = {"description": description, "version": version, "license": license, "author": author}

    def include(self, manifest_path, is_require=False, **kwargs):
        if not isinstance(manifest_path, str):
            for m in manifest_path:
                self.include(m, **kwargs)
            return
        path = self.resolve(manifest_path)
        if _isdir(path):
            path = path + "/manifest.py"
        if path in self.visited:
            return
        self.visited.append(path)
        try:
            with open(path) as f:
                src = f.read()
        except OSError:
            raise ManifestError("Cannot open manifest " + path)
        if is_require:
            self.meta.append(None)
        self.dirs.append(_dirname(path))
        try:
            exec(compile(src, path, "exec"), self.globals(kwargs))
        finally:
            self.dirs.pop()
            if is_require:
                self.meta.pop()

    def require(self, name, version=None, pypi=None, library=None, unix_ffi=False, **kwargs):
        if library is not None:
            if library not in self.libraries:
                raise ValueError("Unknown library '{}' for require('{}').".format(library, name))
            if self.require_from(self.libraries[library], name, kwargs):
                return
            raise ValueError("Package '{}' not found in external library '{}' ({}).".format(name, library, self.libraries[library]))
        dirs = list(self.library_dirs)
        if unix_ffi and self.vars.get("MPY_LIB_DIR"):
            dirs.insert(0, self.resolve("$(MPY_LIB_DIR)/unix-ffi"))
        for d in dirs:
            if self.require_from(d, name, kwargs):
                return
        raise ValueError("Package '{}' not found in any known library.".format(name))

    def require_from(self, top, name, kwargs):
        # the first directory named `name` holding a manifest.py, below top (depth first, in name order)
        def find(d):
            try:
                entries = sorted(os.ilistdir(d), key=lambda e: e[0])
            except OSError:
                return None
            for e in entries:
                if e[1] == 0x4000:
                    sub = d + "/" + e[0]
                    if e[0] == name and _isfile(sub + "/manifest.py"):
                        return sub
                    r = find(sub)
                    if r:
                        return r
            return None

        found = find(top)
        if found is None:
            return False
        self.include(found, is_require=True, **kwargs)
        return True

    def add_library(self, library, library_path, prepend=False):
        path = self.resolve(library_path)
        self.libraries[library] = path
        if prepend:
            self.library_dirs.insert(0, path)
        else:
            self.library_dirs.append(path)

    def package(self, package_path, files=None, base_path=".", opt=None):
        self.search(base_path, package_path, files, (".py",), "auto", opt)

    def module(self, module_path, base_path=".", opt=None):
        if _ext(module_path) != ".py":
            raise ManifestError("module must be .py file")
        self.add_file(_norm(_join(self.resolve(base_path), module_path)), module_path, "auto", opt)

    def c_module(self, module_path):
        raise ManifestError("c_module() is not supported: mpy-wasm has no C modules")

    def freeze_internal(self, path, script, exts, kind, opt):
        if script is None:
            self.search(path, None, None, exts, kind, opt)
        elif isinstance(script, str) and _isdir(_join(self.resolve(path), script)):
            self.search(path, script, None, exts, kind, opt)
        elif not isinstance(script, str):
            self.search(path, None, script, exts, kind, opt)
        else:
            self.search(path, None, (script,), exts, kind, opt)

    def freeze(self, path, script=None, opt=None):
        self.freeze_internal(path, script, (".py", ".mpy"), "auto", opt)

    def freeze_as_str(self, path):
        self.search(path, None, None, (".py",), "source", None)

    def freeze_as_mpy(self, path, script=None, opt=None):
        self.freeze_internal(path, script, (".py",), "mpy-compile", opt)

    def freeze_mpy(self, path, script=None, opt=None):
        self.freeze_internal(path, script, (".mpy",), "mpy-file", opt)

    def globals(self, kwargs):
        return {
            "metadata": self.metadata,
            "include": self.include,
            "require": self.require,
            "add_library": self.add_library,
            "package": self.package,
            "module": self.module,
            "c_module": self.c_module,
            "freeze": self.freeze,
            "freeze_as_str": self.freeze_as_str,
            "freeze_as_mpy": self.freeze_as_mpy,
            "freeze_mpy": self.freeze_mpy,
            "options": _Options(kwargs),
        }


try:
    _m = _Manifest(_MANIFEST, _VARS, _LIBS)
    _m.include(_MANIFEST)
except Exception as e:
    import sys, io

    tb = io.StringIO()
    sys.print_exception(e, tb)
    where = ""
    for line in tb.getvalue().split("\n"):
        line = line.strip()
        if line.startswith('File "') and line.find("manifest.ts") < 0 and line.find("<manifest reader>") < 0:
            where = line
    print("MANIFEST-ERROR " + json.dumps([where, type(e).__name__, str(e)]))
else:
    print("MANIFEST-FILES " + json.dumps(_m.files))
