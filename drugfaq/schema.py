"""The JSON Schema of knowledge files, generated from the model (python -m drugfaq.schema)."""

from __future__ import annotations

import sys
from typing import Any

import msgspec

from drugfaq.model import KnowledgeFile


def knowledge_schema() -> dict[str, Any]:
    schema = msgspec.json.schema(KnowledgeFile)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://github.com/drugfaq/drugfaq/schema/knowledge.schema.json",
            "title": "drugfaq knowledge file", **schema}


if __name__ == "__main__":
    sys.stdout.write(msgspec.json.format(msgspec.json.encode(knowledge_schema()), indent=2).decode() + "\n")
