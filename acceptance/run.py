"""The acceptance runner: every check over every template in out/, then one summary line.

    python -m acceptance.run [--templates DIR] [--skip NAME,...] [--only NAME,...]

(scripts/test runs it with the suite's virtual environment.) Each result prints as

    PASS <check> <file>: <message>
    FAIL <check> <file>: <message>
        <what differed, with file:line where known>

and the last line is `acceptance: N passed, N failed`; the exit code is 1 if anything
failed. A check that crashes is a FAIL with its traceback, never a crash of the run.

Steps, in order (names for --skip in brackets):
  swift test [swift-test]; the suite's own tests [selftest]; the resource catalog is what
  scripts/generate-catalog makes from the pinned cfn-lint [generated]; the templates in out/;
  `infra synth --check` [synth-check]; `infra synth` killed at random moments, then
  out/ all old or all new and clean after the next run [synth-kill]; cfn-lint and YAML meaning per template;
  the yaml-bench corpus [yaml-corpus]; `infra diff` on hostile input under memory and time
  limits [diff-hostile]; SAM translation and SAM equivalence per SAM template;
  deploy, read back and update per template on a local moto server, then `infra schema`
  against the deployed table [deploy]; the example apps' templates, checked and deployed
  alike [examples]; the platform example (generated L1 resources of seven services) up to date,
  linted, deployed to moto and read back [platform-example]; cfn-lint over the Swift tests'
  golden fixtures [fixtures];
  the Lambda code's pytest suites [lambda-tests]; `infra validate --template` against cfn-lint
  over out/, the fixtures and acceptance/fixtures/catalog/ [catalog-parity]; `infra deploy` and
  `infra diff --deployed` through create, no-change, preview, in-place update and a refused
  replacement on moto [infra-deploy]; the GitHub Actions workflows linted [workflow-lint].
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import traceback
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):  # `python acceptance/run.py` works too
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from acceptance.cfnyaml import is_sam, load_template  # noqa: E402
from acceptance.checks import package_deploy  # noqa: E402
from acceptance.checks import (  # noqa: E402
    catalog_parity, cfn_lint, diff_hostile, generated, infra_deploy, lambda_tests, moto_deploy, platform_example, readback,
    sam_equivalence,
    sam_translate, swift_checks, synth_kill, table_schema, update, workflow_lint, yaml_corpus, yaml_meaning,
)
from acceptance.common import REPO, Result, aws_env, rel, run, work_dir  # noqa: E402
from acceptance.moto_server import MotoServer  # noqa: E402

STEPS = ("swift-test", "selftest", "generated", "synth-check", "synth-kill", "yaml-corpus", "diff-hostile", "deploy",
         "infra-deploy", "lambda-tests", "examples", "platform-example", "fixtures", "catalog-parity", "workflow-lint")

# Other apps of the repository, each with its own CLI and output folder: checked like out/.
EXAMPLES = (("cruddur-split", REPO / "examples" / "split-stacks" / "out"),)

# Golden fixtures of the Swift tests that are whole templates: they must pass cfn-lint too.
FIXTURE_GLOBS = ("Tests/CloudFormationTests/Fixtures/*.yaml", "Tests/AWSResourcesTests/Fixtures/*.yaml",
                 "Tests/AWSResourcesTests/Fixtures/sam/*.yaml", "Tests/AWSResourcesTests/Fixtures/bucket/*.yaml",
                 "Tests/GeneratedResourcesTests/Fixtures/*.yaml")


class Report:
    def __init__(self) -> None:
        self.results: list[Result] = []

    def add(self, result: Result) -> Result:
        self.results.append(result)
        print(result.render(), flush=True)
        return result

    def guarded(self, check: str, file: str, fn: Callable[[], Result | list[Result]]) -> list[Result]:
        """Run one check; a crash becomes a FAIL naming the check and file."""
        try:
            out = fn()
        except Exception as e:  # noqa: BLE001 - the runner must report, not crash
            tb = traceback.format_exc().rstrip().splitlines()
            out = Result(check, file, False, f"the check crashed: {e.__class__.__name__}: {e}", tb[-12:])
        for r in out if isinstance(out, list) else [out]:
            self.add(r)
        return out if isinstance(out, list) else [out]

    def summary(self) -> int:
        passed = sum(r.ok for r in self.results)
        failed = len(self.results) - passed
        if failed:
            print("\nFailed:")
            for r in self.results:
                if not r.ok:
                    print(f"  FAIL {r.check} {r.file}: {r.message}")
        print()
        print(f"acceptance: {passed} passed, {failed} failed", flush=True)
        return 1 if failed else 0


def heading(text: str) -> None:
    print(f"\n=== {text}", flush=True)


def selftest() -> Result:
    """The suite's own tests (acceptance/tests): every check fails on a broken fixture."""
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "acceptance/tests"]
    proc = run(cmd, cwd=REPO, env=aws_env(), timeout=1200)
    out = proc.stdout + proc.stderr
    print(out.rstrip(), flush=True)
    lines = proc.stdout.strip().splitlines()
    last = lines[-1] if lines else ""
    if proc.returncode == 0:
        return Result("selftest", "acceptance/tests", True, last)
    if proc.returncode == 5:
        return Result("selftest", "acceptance/tests", False, "pytest collected no tests")
    return Result("selftest", "acceptance/tests", False, f"pytest exited {proc.returncode}: {last}")


def discover(templates_dir: Path) -> tuple[Result, list[Path]]:
    # out/<stack>.yaml and out/<environment>/<stack>.yaml alike.
    found = sorted(p for p in templates_dir.rglob("*.yaml") if p.is_file())
    display = rel(templates_dir) + "/"
    if not found:
        return Result("templates", display, False, f"no *.yaml templates in {display}: nothing to check "
                                                   f"(run `swift run infra synth`)"), []
    problems = []
    n_sam = 0
    for p in found:
        try:
            sam = is_sam(load_template(p))
        except Exception as e:  # noqa: BLE001 - yaml-meaning and cfn-lint report the details
            problems.append(f"{rel(p)}: cannot be read as a template: {' '.join(str(e).split())[:200]}")
            continue
        n_sam += sam
        named = p.name.endswith(".sam.yaml")
        if sam and not named:
            problems.append(f"{rel(p)}: has Transform: AWS::Serverless-2016-10-31 but is not named *.sam.yaml")
        if named and not sam:
            problems.append(f"{rel(p)}: is named *.sam.yaml but has no Transform: AWS::Serverless-2016-10-31")
    names = ", ".join(str(p.relative_to(templates_dir)) for p in found)
    if problems:
        return Result("templates", display, False, "template names and flavours disagree", problems), found
    return Result("templates", display, True, f"{len(found)} template(s), {n_sam} SAM: {names}"), found


def stack_names(templates: list[Path]) -> dict[Path, str]:
    """out/<env>/<stack>.yaml -> <stack>, the name infra gives the stack (environments never
    share a moto account, see deploy_all). x.yaml and x.sam.yaml side by side: x and x-sam."""
    names: dict[Path, str] = {}
    for t in templates:
        base = t.name.removesuffix(".yaml").removesuffix(".sam")
        names[t] = re.sub(r"[^A-Za-z0-9-]", "-", base)
    for t in templates:
        clash = [o for o in templates if o.parent == t.parent and names[o] == names[t]]
        if len(clash) > 1 and t.name.endswith(".sam.yaml"):
            names[t] += "-sam"
    return names


def deploy_all(report: Report, templates: list[Path], translations: dict[Path, Path | None]) -> None:
    """Deploy, read back and update every template on one moto server.

    Each folder (an environment: out/, out/dev/, ...) is deployed apart from the others.
    Within a folder, stacks linked by exports/imports form a unit deployed together,
    exporters first; every unit starts from an empty moto account (reset), so names
    that two templates share (the SAM and plain fixtures' table) never collide.
    """
    work = work_dir("moto")
    server = MotoServer(work / "server.log")
    try:
        server.start()
    except Exception as e:  # noqa: BLE001
        for t in templates:
            report.add(Result(moto_deploy.CHECK, rel(t), False, f"cannot start moto_server: {e}"))
        return
    print(f"moto_server on {server.endpoint} (pid {server.proc.pid if server.proc else '?'}, "
          f"log {rel(work / 'server.log')})", flush=True)
    names = stack_names(templates)

    def not_deployed(display: str, why: str) -> None:
        report.add(Result(readback.CHECK, display, False, why))
        report.add(Result(update.CHECK, display, False, why))

    try:
        folders: dict[Path, list[Path]] = {}
        for t in templates:
            folders.setdefault(t.parent, []).append(t)
        for folder, group in folders.items():
            ready: dict[str, tuple[Path, Path, dict]] = {}
            for t in group:
                if t in translations and translations[t] is None:
                    report.add(Result(moto_deploy.CHECK, rel(t), False,
                                      "not deployed: the SAM translation failed (see sam-translate)"))
                    not_deployed(rel(t), "not deployed (see moto-deploy)")
                    continue
                # A plain template is deployed as the YAML file itself: the aws CLI and moto
                # read it as CloudFormation would. A SAM one, as its translation.
                deploy_file = translations.get(t) or t
                try:
                    ready[names[t]] = (t, deploy_file, load_template(deploy_file))
                except Exception as e:  # noqa: BLE001
                    report.add(Result(moto_deploy.CHECK, rel(t), False, f"cannot read the template: {e}"))
                    not_deployed(rel(t), "not deployed (see moto-deploy)")
            units, problems = moto_deploy.plan_units([(name, tpl) for name, (_, _, tpl) in ready.items()])
            for problem in problems:
                report.add(Result(moto_deploy.CHECK, rel(folder) + "/", False, problem))
            for unit in units:
                linked = len(unit) > 1
                if linked:
                    print(f"deploying {', '.join(unit)} together, in that order (linked by exports)", flush=True)
                try:
                    server.reset()
                    net = moto_deploy.create_network(server.endpoint)
                except Exception as e:  # noqa: BLE001
                    for name in unit:
                        report.add(Result(moto_deploy.CHECK, rel(ready[name][0]), False,
                                          f"cannot prepare the moto account: {e}"))
                        not_deployed(rel(ready[name][0]), "not deployed (see moto-deploy)")
                    continue
                deployed: list[tuple[str, moto_deploy.Deployment | None]] = []
                for name in unit:
                    t, deploy_file, template = ready[name]
                    holder: list[moto_deploy.Deployment | None] = [None]

                    def do_deploy(t=t, deploy_file=deploy_file, template=template, name=name,
                                  holder=holder) -> Result:
                        result, holder[0] = moto_deploy.deploy(server.endpoint, template, deploy_file, name,
                                                               net, rel(t), create_stack=linked,
                                                               given=moto_deploy.parameter_file(t))
                        return result
                    report.guarded(moto_deploy.CHECK, rel(t), do_deploy)
                    deployed.append((rel(t), holder[0]))
                for display, dep in deployed:
                    if dep is None:
                        not_deployed(display, "not deployed (see moto-deploy)")
                        continue
                    report.guarded(readback.CHECK, display, lambda dep=dep, display=display:
                                   readback.check(server.endpoint, dep, display))
                    report.guarded(update.CHECK, display, lambda dep=dep, display=display:
                                   update.check(server.endpoint, dep, work, display))
    finally:
        server.stop()


def schema_checks(report: Report, templates_dir: Path) -> None:
    """`infra schema` of each environment's table, created beside the deployed one."""
    targets = []
    for t in sorted(templates_dir.rglob("*.yaml")):
        if t.name.endswith(".sam.yaml"):
            continue
        tables = [k for k, v in (load_template(t).get("Resources") or {}).items()
                  if (v or {}).get("Type") == "AWS::DynamoDB::Table"]
        env = None if t.parent == templates_dir else t.parent.name
        targets += [(t, env, table) for table in tables]
    if not targets:
        report.add(Result(table_schema.CHECK, rel(templates_dir) + "/", False, "no DynamoDB table to check `infra schema` on"))
        return
    server = MotoServer(work_dir("moto-schema") / "server.log")
    try:
        server.start()
        for t, env, table in targets:
            server.reset()
            report.guarded(table_schema.CHECK, f"{rel(t)}#{table}",
                           lambda t=t, env=env, table=table: table_schema.check(server.endpoint, t, env, table))
    finally:
        server.stop()


NESTED = REPO / "examples" / "nested" / "out"


def nested_example(report: Report, skip: set[str]) -> None:
    """Issue 15: folder code and nested stacks, through `aws cloudformation package` (see package_deploy)."""
    heading(f"example app nested-example: templates in {rel(NESTED)}/, packaged and deployed")
    found, templates = discover(NESTED)
    report.add(found)
    if "synth-check" not in skip:
        report.guarded("synth-check", rel(NESTED) + "/",
                       lambda: swift_checks.synth_check(NESTED, templates, product="nested-example"))
    for t in templates:
        report.guarded(cfn_lint.CHECK, rel(t), lambda t=t: cfn_lint.check(t))
        report.guarded(yaml_meaning.CHECK, rel(t), lambda t=t: yaml_meaning.check(t))
    if "deploy" in skip:
        return
    work = work_dir("package")
    server = MotoServer(work / "server.log", command=[sys.executable, str(REPO / "acceptance" / "moto_nested.py")])
    try:
        server.start()
    except Exception as e:  # noqa: BLE001
        report.add(Result(package_deploy.CHECK, "examples/nested", False, f"cannot start moto_server: {e}"))
        return
    try:
        holder: list = [None]

        def deploy() -> Result:
            results, holder[0] = package_deploy.check(server.endpoint, work)
            for r in results[:-1]:
                report.add(r)
            return results[-1]
        report.guarded(package_deploy.CHECK, "examples/nested", deploy)
        if holder[0] is None:
            report.add(Result(package_deploy.READBACK, "examples/nested", False, "not deployed (see package-deploy)"))
            return
        for r in package_deploy.readback(server.endpoint, holder[0]):
            report.add(r)
    finally:
        server.stop()


def platform_example_checks(report: Report) -> None:
    """Issue 13's proof: examples/platform/out/ is current, lints clean, deploys and reads back."""
    out = platform_example.OUT
    heading(f"example app platform-example: templates in {rel(out)}/, deployed to moto and read back")
    found, templates = discover(out)
    report.add(found)
    report.guarded("synth-check", rel(out) + "/",
                   lambda: swift_checks.synth_check(out, templates, product="platform-example"))
    for t in templates:
        report.guarded(cfn_lint.CHECK, rel(t), lambda t=t: cfn_lint.check(t))
        report.guarded(yaml_meaning.CHECK, rel(t), lambda t=t: yaml_meaning.check(t))
    server = MotoServer(work_dir("moto-platform") / "server.log")
    try:
        server.start()
        print(f"moto_server on {server.endpoint} (pid {server.proc.pid if server.proc else '?'})", flush=True)
        for t in templates:
            deployed = report.guarded(platform_example.DEPLOY, rel(t), lambda t=t: platform_example.deploy(server.endpoint, t))
            if all(r.ok for r in deployed):
                report.guarded(platform_example.READBACK, rel(t), lambda t=t: platform_example.readback(server.endpoint, t))
            else:
                report.add(Result(platform_example.READBACK, rel(t), False, "not deployed (see platform-deploy)"))
    except Exception as e:  # noqa: BLE001
        report.add(Result(platform_example.DEPLOY, rel(out) + "/", False, f"cannot start moto_server: {e}"))
    finally:
        server.stop()


def infra_deploy_checks(report: Report) -> None:
    """`infra deploy` and `infra diff --deployed` through a whole cycle on a fresh moto server."""
    server = MotoServer(work_dir("moto-infra-deploy") / "server.log")
    try:
        server.start()
        print(f"moto_server on {server.endpoint} (pid {server.proc.pid if server.proc else '?'})", flush=True)
        report.guarded(infra_deploy.CHECK, infra_deploy.DISPLAY, lambda: infra_deploy.check(server.endpoint))
    except Exception as e:  # noqa: BLE001
        report.add(Result(infra_deploy.CHECK, infra_deploy.DISPLAY, False, f"cannot start moto_server: {e}"))
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--templates", default=str(REPO / "out"), help="folder of templates (default out/)")
    ap.add_argument("--skip", default="", help=f"comma-separated steps to skip: {', '.join(STEPS)}")
    ap.add_argument("--only", default="", help="comma-separated steps to run, and nothing else "
                                               "(not even the per-template checks)")
    args = ap.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = (skip | only) - set(STEPS)
    if unknown:
        ap.error(f"unknown step(s) {sorted(unknown)}; known: {', '.join(STEPS)}")
    if only:
        skip |= set(STEPS) - only

    # A SIGTERM (CI timeout, Ctrl-C from a parent) unwinds through the finally blocks,
    # so the moto server is stopped by its PID.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.environ.update(aws_env())
    report = Report()
    templates_dir = Path(args.templates).resolve()

    if "swift-test" not in skip:
        heading("swift test")
        report.guarded("swift-test", ".", swift_checks.swift_test)
    if "selftest" not in skip:
        heading("the suite's own tests (acceptance/tests)")
        report.guarded("selftest", "acceptance/tests", selftest)

    if only:
        # Just the named steps: no per-template checks, no examples.
        if "generated" in only:
            report.guarded(generated.CHECK, "Sources/CResourceCatalog", generated.check)
        if "yaml-corpus" in only:
            report.guarded(yaml_corpus.CHECK, ".acceptance/corpus", yaml_corpus.check)
        if "diff-hostile" in only:
            heading("infra diff on hostile input (1 GiB, 30 s each)")
            report.guarded(diff_hostile.CHECK, ".acceptance/diff-hostile", diff_hostile.check)
        if "platform-example" in only:
            platform_example_checks(report)
        if only & {"synth-check", "synth-kill", "deploy", "examples", "fixtures", "lambda-tests", "catalog-parity"}:
            print("note: --only runs swift-test, selftest, generated, yaml-corpus, diff-hostile and platform-example on their own; "
                  "the other steps need the whole run", flush=True)
        return report.summary()

    if "generated" not in skip:
        heading("generated code (scripts/generate-catalog --check, scripts/generate-resources --check)")
        report.guarded(generated.CHECK, "Sources/CResourceCatalog", generated.check)

    heading(f"templates in {rel(templates_dir)}/")
    found_result, templates = discover(templates_dir)
    report.add(found_result)
    if "synth-check" not in skip:
        report.guarded("synth-check", "out/", lambda: swift_checks.synth_check(templates_dir, templates))
    if "synth-kill" not in skip:
        report.guarded(synth_kill.CHECK, "out/", synth_kill.check)
    for t in templates:
        report.guarded(cfn_lint.CHECK, rel(t), lambda t=t: cfn_lint.check(t))
        report.guarded(yaml_meaning.CHECK, rel(t), lambda t=t: yaml_meaning.check(t))
    if "yaml-corpus" not in skip:
        report.guarded(yaml_corpus.CHECK, ".acceptance/corpus", yaml_corpus.check)
    if "diff-hostile" not in skip:
        heading("infra diff on hostile input (1 GiB, 30 s each)")
        report.guarded(diff_hostile.CHECK, ".acceptance/diff-hostile", diff_hostile.check)

    translations: dict[Path, Path | None] = {}
    sam_templates = [t for t in templates if t.name.endswith(".sam.yaml")]
    if templates and not sam_templates:
        report.add(Result(sam_translate.CHECK, rel(templates_dir) + "/", False,
                          "no SAM-flavour template (*.sam.yaml) to translate"))
    if sam_templates:
        sam_dir = work_dir("sam")
        for t in sam_templates:
            translations[t] = None

            def translate(t=t) -> Result:
                result, out = sam_translate.check(t, sam_dir)
                translations[t] = out if result.ok else None
                return result
            report.guarded(sam_translate.CHECK, rel(t), translate)

    # The SAM flavour against its CloudFormation twin: same table, mapping and permissions.
    for t in sam_templates:
        twin = t.with_name(t.name.removesuffix(".sam.yaml") + ".yaml")
        if twin.exists():
            report.guarded(sam_equivalence.CHECK, rel(t), lambda t=t, twin=twin: sam_equivalence.check(twin, t))

    if "deploy" not in skip and templates:
        heading("deploy to a local moto server")
        deploy_all(report, templates, translations)
        heading("infra schema: create-table input against the CloudFormation table")
        schema_checks(report, templates_dir)
    if "deploy" not in skip and "infra-deploy" not in skip and templates_dir == (REPO / "out").resolve():
        heading("infra deploy and infra diff --deployed on a local moto server")
        infra_deploy_checks(report)

    if "examples" not in skip:
        for product, folder in EXAMPLES:
            heading(f"example app {product}: templates in {rel(folder)}/")
            found, example_templates = discover(folder)
            report.add(found)
            if "synth-check" not in skip:
                report.guarded("synth-check", rel(folder) + "/",
                               lambda folder=folder, ts=example_templates, product=product:
                               swift_checks.synth_check(folder, ts, product=product))
            for t in example_templates:
                report.guarded(cfn_lint.CHECK, rel(t), lambda t=t: cfn_lint.check(t))
                report.guarded(yaml_meaning.CHECK, rel(t), lambda t=t: yaml_meaning.check(t))
            if "deploy" not in skip and example_templates:
                deploy_all(report, example_templates, {})

    if "examples" not in skip:
        nested_example(report, skip)
    if "platform-example" not in skip:
        platform_example_checks(report)

    if "fixtures" not in skip:
        heading("golden fixtures of the Swift tests")
        fixtures = sorted(p for pattern in FIXTURE_GLOBS for p in REPO.glob(pattern))
        if not fixtures:
            report.add(Result(cfn_lint.CHECK, "Tests/", False, "no golden fixtures found"))
        for t in fixtures:
            report.guarded(cfn_lint.CHECK, rel(t), lambda t=t: cfn_lint.check(t))

    if "catalog-parity" not in skip:
        heading("catalog parity: infra validate --template against cfn-lint")
        report.guarded(catalog_parity.CHECK, "corpus", lambda: catalog_parity.check(templates_dir))
    if "workflow-lint" not in skip:
        heading("GitHub Actions workflows (.github/workflows)")
        report.guarded(workflow_lint.CHECK, ".github/workflows/", workflow_lint.check)

    if "lambda-tests" not in skip:
        heading("Lambda code tests (templates/*/tests)")
        report.guarded(lambda_tests.CHECK, "templates/", lambda_tests.check_all)

    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
