"""Validate YAML files against a JSON Schema (draft 7).

usage: /usr/bin/python3 tests/tools/schema-check.py SCHEMA.json FILE.yaml...

Checks the schema itself first, then each file; prints one line per
problem, "FILE: /json/path: message", and exits 1 when any file fails,
2 when the schema is invalid.  Uses Debian's python3-jsonschema and
python3-yaml (tests/cli/46-init.t).
"""
import json
import sys

import jsonschema
import yaml


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        print("%s: invalid schema: %s" % (argv[1], e.message))
        return 2
    validator = jsonschema.Draft7Validator(schema)
    failed = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path)
            print("%s: /%s: %s" % (path, where, e.message))
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
