#!/usr/bin/env python3
# Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
"""Prints the CloudFormation that AWS SAM's own translator makes of a SAM template, offline.

Usage: sam-translate.py TEMPLATE  (needs the aws-sam-translator package, module samtranslator).

The translator refuses local CodeUri paths (sam deploy uploads them first), so each is rewritten to
s3://guardian-artifacts/<the same path>: the S3 key still names the packaged jar. It reads no AWS
account: the region comes from AWS_DEFAULT_REGION (us-east-1 unless set) and no managed policy is
looked up by name (the template names none). Errors go to stderr with exit status 1.
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

try:
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse
except ImportError as e:
    sys.exit(
        "sam-translate: the aws-sam-translator Python package is missing (%s); "
        "install it with: pip install aws-sam-translator" % e
    )

BUCKET = "guardian-artifacts"


def main(path):
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.get("Properties", {})
        uri = properties.get("CodeUri")
        if isinstance(uri, str) and not uri.startswith("s3://"):
            properties["CodeUri"] = "s3://%s/%s" % (BUCKET, uri)
    translator = Translator(managed_policy_map={}, sam_parser=Parser())
    try:
        output = translator.translate(sam_template=template, parameter_values={})
    except InvalidDocumentException as e:
        for cause in e.causes:
            print("sam-translate: %s" % cause.message, file=sys.stderr)
        return 1
    json.dump(output, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sam-translate.py TEMPLATE")
    sys.exit(main(sys.argv[1]))
