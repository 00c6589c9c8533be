#!/usr/bin/env python3
"""Turns the CSV written by extract_genai_prices.mjs into the price table shipped in the agent.

usage: python3 to_price_table.py genai-prices-openai-anthropic.csv genai-prices-openai-anthropic.json OUT

One line per model: provider, model id, USD per 1M tokens for input, cached input (read), cache write
and output ('-' where the source gives none), then the names that match it: 'alias:' exact names,
'prefix:' name prefixes, 'contains:' substrings and 'regex:' Java regular expressions.
"""
import csv
import json
import sys

source_csv, source_json, out = sys.argv[1:4]
meta = json.load(open(source_json))["meta"]
lines = [
    "# LLM prices used by perf-agent to estimate the cost of a call (an estimate, not your bill).",
    "# Source: GenAI Prices by Pydantic (https://github.com/pydantic/genai-prices), npm package",
    "# @pydantic/genai-prices %s, published %s; prices as of %s." % (
        meta["package_version"], meta["package_published"][:10], meta["prices_as_of"]),
    "# Copyright (c) Pydantic Services Inc. 2025 to present. MIT License: see genai-prices-LICENSE.txt beside",
    "# this file. Standard (not batch, flex or regional) prices; long-context tiers are not applied.",
    "# Regenerate with tools/prices (see its README). Override or add models with prices: in the config.",
    "#",
    "# provider model input cached-input cache-write output [alias:|prefix:|contains:|regex: names...]",
]
def price(value):
    return value if value else "-"
for row in csv.DictReader(open(source_csv)):
    if row["kind"] not in ("chat", "embedding"):
        continue
    names = ["alias:" + a for a in row["aliases"].split("|") if a]
    for rule in (r for r in row["match_patterns"].split("|") if r):
        kind, _, value = rule.partition(":")
        names.append({"starts_with": "prefix", "contains": "contains", "regex": "regex"}[kind] + ":" + value)
    for name in names:
        if " " in name:
            sys.exit("a name with a space: " + name)
    lines.append(" ".join([row["provider"], row["model_id"], price(row["input_usd_per_mtok"]),
                           price(row["cached_input_read_usd_per_mtok"]), price(row["cache_write_usd_per_mtok"]),
                           price(row["output_usd_per_mtok"])] + names))
open(out, "w").write("\n".join(lines) + "\n")
