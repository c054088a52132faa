#!/usr/bin/env python3
"""PyYAML's C path on the file `yaml-bench throughput` wrote: the yardstick for the Swift numbers.

parse: yaml.load(text, Loader=CLoader) from a str to Python objects.
emit:  yaml.dump(objects, Dumper=CDumper) from those objects to a str (block style, unicode,
       no folding, key order kept; the output is about the size of the input).
Local tags (!Ref, !GetAtt, !Sub, ...) are kept as TaggedValue objects both ways, which is what
the Swift side does with its tree. MB is 10^6 bytes of YAML; each figure is the median of --runs.

Usage: pyyaml_bench.py FILE [--runs 5]
Prints a machine-readable line: RESULT pyyaml emit_mb_s=... parse_mb_s=... size_mb=...
"""
import argparse
import statistics
import time

import yaml


class TaggedValue:
    """A node with a local tag, as CloudFormation's short-form intrinsics are."""

    __slots__ = ("tag", "value")

    def __init__(self, tag, value):
        self.tag = tag
        self.value = value


class BenchLoader(yaml.CLoader):
    pass


class BenchDumper(yaml.CDumper):
    pass


def construct_tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return TaggedValue("!" + suffix, value)


def represent_tagged(dumper, data):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


BenchLoader.add_multi_constructor("!", construct_tagged)
BenchDumper.add_representer(TaggedValue, represent_tagged)


def median_seconds(runs, action):
    """Median time of `runs` calls after an untimed warm-up (as yaml-bench does) and the last
    result; the previous result is freed after the clock stops."""
    samples = []
    result = action()
    for _ in range(runs):
        start = time.perf_counter()
        value = action()
        samples.append(time.perf_counter() - start)
        result = value
    return statistics.median(samples), result


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("file")
    arguments.add_argument("--runs", type=int, default=5)
    options = arguments.parse_args()

    with open(options.file, encoding="utf-8") as handle:
        text = handle.read()
    input_mb = len(text.encode("utf-8")) / 1e6

    parse_seconds, data = median_seconds(options.runs, lambda: yaml.load(text, Loader=BenchLoader))

    def dump():
        return yaml.dump(data, Dumper=BenchDumper, default_flow_style=False, sort_keys=False,
                         allow_unicode=True, width=2**31 - 1, indent=2)

    emit_seconds, output = median_seconds(options.runs, dump)
    output_mb = len(output.encode("utf-8")) / 1e6

    print(f"pyyaml {yaml.__version__} (libyaml {yaml.__with_libyaml__ and yaml._yaml.get_version_string()})")
    print(f"emit:  {emit_seconds:.4f} s  {output_mb / emit_seconds:.1f} MB/s  ({output_mb:.2f} MB written, median of {options.runs})")
    print(f"parse: {parse_seconds:.4f} s  {input_mb / parse_seconds:.1f} MB/s  ({input_mb:.2f} MB read, median of {options.runs})")
    print(f"RESULT pyyaml emit_mb_s={output_mb / emit_seconds:.2f} parse_mb_s={input_mb / parse_seconds:.2f} size_mb={input_mb:.2f}")


if __name__ == "__main__":
    main()
