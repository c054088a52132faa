"""Check 5 (second half): read the deployed stack back with the aws CLI and compare it with the template.

Every resource of the template must exist in the stack (moto skips a type it does not
support with only a log line and still reports CREATE_COMPLETE, so the stack status
alone proves nothing). Then, per resource type we know, the properties moto really
keeps are compared with the template's, intrinsics resolved where we can:

* Ref to a parameter -> the value we passed; Ref to a resource -> its physical id;
* GetAtt -> what moto reports for that attribute (describe-table's TableArn, ...);
* ImportValue -> list-exports; Sub / Join / Select / Split over those.

Types read back property by property: DynamoDB tables, Lambda functions and event-source
mappings, IAM roles (trust and inline policies), log groups, VPC endpoints, SQS queues,
SNS topics. Any other type is only checked to exist (and says so in a note).

CloudWatch alarms are the one type moto's CloudFormation skips that the suite stands in
for: moto 5.2 has no AWS::CloudWatch::Alarm in CloudFormation, but its CloudWatch API
has PutMetricAlarm. The alarm's properties (the same names as PutMetricAlarm's) are
resolved against the deployed stack, so its dimensions name the function and queue
CloudFormation really made and its actions the topic passed as a parameter, put with
PutMetricAlarm and read back with DescribeAlarms, property by property; moto's empty
placeholder for the skipped resource is then not an extra resource.

What moto 5.2 accepts but does not keep is read from the template only and listed as a
note, never compared against moto (a comparison with a value moto never stored would
either always fail or, worse, always pass): a role's managed policy ARNs, a function's
Architectures and LoggingConfig, a table's PITR, TTL, table class and SSE, a function's
VpcConfig.VpcId (moto reports a fixed "vpc-123abc").

IAM policy documents are compared statement by statement: the statement count, the
Sids in order, each statement's Effect and Action/NotAction sets exactly; Resources and
Principals exactly when they resolve, by count when a part does not.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any, Callable

from acceptance.checks.moto_deploy import Deployment, aws, stack_resources
from acceptance.common import MOTO_ACCOUNT, REGION, Result

CHECK = "moto-readback"


class Unresolved(Exception):
    """An intrinsic the suite cannot evaluate (an import, a condition, an unknown attribute)."""


class _Marker(str):
    """Stands for an unresolved value inside a partly resolved structure."""


def _has_marker(v: Any) -> bool:
    if isinstance(v, _Marker):
        return True
    if isinstance(v, dict):
        return any(_has_marker(x) for x in v.values())
    if isinstance(v, list):
        return any(_has_marker(x) for x in v)
    return False


LIST_PARAM = re.compile(r"^(List<.*>|CommaDelimitedList)$")


class Resolver:
    def __init__(self, endpoint: str, dep: Deployment, resources: dict[str, dict]):
        self.endpoint, self.dep, self.resources = endpoint, dep, resources
        self.template_resources = dep.template.get("Resources") or {}
        self._cache: dict[tuple, Any] = {}

    # -- reading moto, cached: one describe per resource -------------------------------
    def call(self, *args: str) -> Any:
        key = tuple(args)
        if key not in self._cache:
            data, err = aws(self.endpoint, *args)
            if err:
                raise RuntimeError(err)
            self._cache[key] = data
        return self._cache[key]

    def physical(self, logical: str) -> str:
        if logical not in self.resources:
            raise Unresolved(f"{logical} is not in the stack")
        return self.resources[logical]["PhysicalResourceId"]

    def rtype(self, logical: str) -> str:
        return str((self.template_resources.get(logical) or {}).get("Type", ""))

    def describe(self, logical: str) -> dict:
        t, pid = self.rtype(logical), self.physical(logical)
        if t == "AWS::DynamoDB::Table":
            return self.call("dynamodb", "describe-table", "--table-name", pid)["Table"]
        if t in ("AWS::Lambda::Function", "AWS::Serverless::Function"):
            return self.call("lambda", "get-function-configuration", "--function-name", pid)
        if t == "AWS::Lambda::EventSourceMapping":
            return self.call("lambda", "get-event-source-mapping", "--uuid", pid)
        if t == "AWS::IAM::Role":
            return self.call("iam", "get-role", "--role-name", pid)["Role"]
        if t == "AWS::Logs::LogGroup":
            groups = self.call("logs", "describe-log-groups", "--log-group-name-prefix", pid)["logGroups"]
            exact = [g for g in groups if g.get("logGroupName") == pid]
            if not exact:
                raise RuntimeError(f"describe-log-groups does not list {pid}")
            return exact[0]
        if t == "AWS::EC2::VPCEndpoint":
            return self.call("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", pid)["VpcEndpoints"][0]
        if t == "AWS::SQS::Queue":
            attrs = self.call("sqs", "get-queue-attributes", "--queue-url", pid, "--attribute-names", "All")
            return {**attrs.get("Attributes", {}), "QueueUrl": pid}
        if t == "AWS::SNS::Topic":
            return self.call("sns", "get-topic-attributes", "--topic-arn", pid).get("Attributes", {})
        raise Unresolved(f"the suite does not read back {t}")

    # -- intrinsics ------------------------------------------------------------------
    def ref(self, name: str) -> Any:
        pseudo = {"AWS::Region": REGION, "AWS::Partition": "aws", "AWS::AccountId": MOTO_ACCOUNT,
                  "AWS::StackName": self.dep.stack, "AWS::URLSuffix": "amazonaws.com"}
        if name in pseudo:
            return pseudo[name]
        params = self.dep.template.get("Parameters") or {}
        if name in params:
            value = self.dep.parameters.get(name, (params[name] or {}).get("Default"))
            if value is None:
                raise Unresolved(f"parameter {name} has no value")
            if LIST_PARAM.match(str((params[name] or {}).get("Type", ""))) and isinstance(value, str):
                return value.split(",")
            return value
        if name in self.template_resources:
            return self.physical(name)
        raise Unresolved(f"Ref {name}")

    GETATT: dict[tuple[str, str], Callable[[dict], Any]] = {
        ("AWS::DynamoDB::Table", "Arn"): lambda d: d["TableArn"],
        ("AWS::DynamoDB::Table", "StreamArn"): lambda d: d["LatestStreamArn"],
        ("AWS::IAM::Role", "Arn"): lambda d: d["Arn"],
        ("AWS::IAM::Role", "RoleId"): lambda d: d["RoleId"],
        ("AWS::Lambda::Function", "Arn"): lambda d: d["FunctionArn"],
        # Real CloudFormation gives "...:log-group:NAME:*"; moto's stack resolves the
        # attribute to logGroupArn (no ":*"), so that is what its policies hold.
        ("AWS::Logs::LogGroup", "Arn"): lambda d: d["logGroupArn"],
        ("AWS::SQS::Queue", "Arn"): lambda d: d["QueueArn"],
        ("AWS::SQS::Queue", "QueueName"): lambda d: d["QueueArn"].rsplit(":", 1)[-1],
        ("AWS::SQS::Queue", "QueueUrl"): lambda d: d["QueueUrl"],
        ("AWS::SNS::Topic", "TopicArn"): lambda d: d["TopicArn"],
        ("AWS::SNS::Topic", "TopicName"): lambda d: d["TopicArn"].rsplit(":", 1)[-1],
    }

    def getatt(self, logical: str, attr: str) -> Any:
        fn = self.GETATT.get((self.rtype(logical), attr))
        if fn is None:
            raise Unresolved(f"GetAtt {logical}.{attr}")
        return fn(self.describe(logical))

    def _sub(self, text: str, variables: dict) -> str:
        def one(m: re.Match) -> str:
            expr = m.group(1)
            if expr.startswith("!"):
                return "${" + expr[1:] + "}"
            if expr in variables:
                v = self.resolve(variables[expr])
            elif "." in expr and not expr.startswith("AWS::"):
                logical, attr = expr.split(".", 1)
                v = self.getatt(logical, attr)
            else:
                v = self.ref(expr)
            if isinstance(v, list):
                raise Unresolved(f"${{{expr}}} is a list")
            return str(v)
        return re.sub(r"\$\{([^}]+)\}", one, text)

    def resolve(self, v: Any) -> Any:
        """Fully resolve `v`, or raise Unresolved."""
        if isinstance(v, list):
            return [self.resolve(x) for x in v]
        if not isinstance(v, dict):
            return v
        if len(v) == 1:
            (k, arg), = v.items()
            if k == "Ref":
                return self.ref(arg)
            if k == "Fn::GetAtt":
                parts = arg if isinstance(arg, list) else str(arg).split(".", 1)
                return self.getatt(str(parts[0]), str(self.resolve(parts[1])))
            if k == "Fn::Sub":
                if isinstance(arg, list):
                    return self._sub(arg[0], arg[1] if len(arg) > 1 else {})
                return self._sub(arg, {})
            if k == "Fn::Join":
                items = self.resolve(arg[1])
                return str(arg[0]).join(str(x) for x in items)
            if k == "Fn::Select":
                return self.resolve(arg[1])[int(self.resolve(arg[0]))]
            if k == "Fn::Split":
                return str(self.resolve(arg[1])).split(arg[0])
            if k == "Fn::ImportValue":
                name = self.resolve(arg)
                exports = self.call("cloudformation", "list-exports").get("Exports", [])
                for e in exports:
                    if e.get("Name") == name:
                        return e.get("Value")
                raise Unresolved(f"no export named {name}")
            if k.startswith("Fn::") or k == "Condition":
                raise Unresolved(k)
        return {k: self.resolve(x) for k, x in v.items()}

    def partial(self, v: Any) -> Any:
        """Resolve what can be; put a marker where something cannot."""
        try:
            return self.resolve(v)
        except Unresolved as e:
            if isinstance(v, list):
                return [self.partial(x) for x in v]
            if isinstance(v, dict) and not (len(v) == 1 and (next(iter(v)).startswith("Fn::")
                                                            or next(iter(v)) in ("Ref", "Condition"))):
                return {k: self.partial(x) for k, x in v.items()}
            return _Marker(f"<unresolved: {e}>")


# --- comparison helpers ----------------------------------------------------------------

def as_list(v: Any) -> list:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def parse_policy(doc: Any) -> dict:
    """A policy document as moto returns it: a dict, JSON text, or (moto 5.2) Python repr text."""
    if isinstance(doc, dict):
        return doc
    if isinstance(doc, str):
        try:
            return json.loads(doc)
        except json.JSONDecodeError:
            pass
        try:
            value = ast.literal_eval(doc)
        except (ValueError, SyntaxError) as e:
            raise ValueError(f"moto holds a policy document that is neither JSON nor a literal "
                             f"({e.__class__.__name__}): {doc[:160]}") from None
        if isinstance(value, dict):
            return value
    raise ValueError(f"unexpected policy document {str(doc)[:160]}")


def _principal(p: Any) -> Any:
    if isinstance(p, dict):
        return {k: sorted(map(str, as_list(v))) for k, v in p.items()}
    return p


def compare_policy(res: Resolver, template_doc: Any, deployed: Any, where: str,
                   diffs: list[str], notes: list[str]) -> None:
    try:
        got = parse_policy(deployed)
    except ValueError as e:
        diffs.append(f"{where}: {e}")
        return
    want = res.partial(template_doc)
    if not isinstance(want, dict):
        diffs.append(f"{where}: the template's policy document is not a mapping")
        return
    if "Version" in want and not isinstance(want["Version"], str):
        diffs.append(f"{where}: Version is {type(want['Version']).__name__} "
                     f"{want['Version']!r} in the template, not the string '2012-10-17'")
    elif want.get("Version") != got.get("Version"):
        diffs.append(f"{where}: Version {want.get('Version')!r} in the template, {got.get('Version')!r} deployed")
    ws, gs = as_list(want.get("Statement")), as_list(got.get("Statement"))
    if len(ws) != len(gs):
        diffs.append(f"{where}: {len(ws)} statement(s) in the template, {len(gs)} deployed")
    wsid, gsid = [s.get("Sid") for s in ws], [s.get("Sid") for s in gs]
    if wsid != gsid:
        diffs.append(f"{where}: Sids {wsid} in the template, {gsid} deployed")
    for i, (w, g) in enumerate(zip(ws, gs)):
        at = f"{where}.Statement[{i}]" + (f" ({w.get('Sid')})" if w.get("Sid") else "")
        if w.get("Effect") != g.get("Effect"):
            diffs.append(f"{at}: Effect {w.get('Effect')!r} in the template, {g.get('Effect')!r} deployed")
        for key in ("Action", "NotAction"):
            wa, ga = set(map(str, as_list(w.get(key)))), set(map(str, as_list(g.get(key))))
            if wa != ga:
                diffs.append(f"{at}: {key} differs: only in the template {sorted(wa - ga)}, "
                             f"only deployed {sorted(ga - wa)}")
        for key in ("Resource", "NotResource"):
            wr, gr = as_list(w.get(key)), as_list(g.get(key))
            if _has_marker(wr):
                if len(wr) != len(gr):
                    diffs.append(f"{at}: {len(wr)} {key}(s) in the template, {len(gr)} deployed")
                notes.append(f"{at}: {key} compared by count only ({[str(x) for x in wr if _has_marker(x)]})")
            elif set(map(str, wr)) != set(map(str, gr)):
                diffs.append(f"{at}: {key} {sorted(map(str, wr))} in the template, {sorted(map(str, gr))} deployed")
        for key in ("Principal", "Condition"):
            if key in w or key in g:
                if _has_marker(w.get(key)):
                    notes.append(f"{at}: {key} not compared (unresolved)")
                elif _principal(w.get(key)) != _principal(g.get(key)):
                    diffs.append(f"{at}: {key} {w.get(key)!r} in the template, {g.get(key)!r} deployed")


class Comparer:
    def __init__(self, res: Resolver, logical: str, props: dict, got: dict):
        self.res, self.logical, self.props, self.got = res, logical, props, got
        self.diffs: list[str] = []
        self.notes: list[str] = []
        self.compared = 0

    def eq(self, name: str, want: Any, got: Any) -> None:
        self.compared += 1
        if want != got:
            self.diffs.append(f"{self.logical}.{name}: {want!r} in the template, {got!r} deployed")

    def prop(self, key: str, got_key: str | None = None, default: Any = None, *, as_set: bool = False) -> None:
        """Compare template property `key` (resolved) with moto's `got_key`, if the template sets it."""
        if key not in self.props and default is None:
            return
        try:
            want = self.res.resolve(self.props.get(key, default))
        except Unresolved as e:
            self.notes.append(f"{self.logical}.{key}: not compared ({e})")
            return
        got = self.got.get(got_key or key)
        if as_set:
            want, got = sorted(map(str, as_list(want))), sorted(map(str, as_list(got)))
        self.eq(key, want, got)

    def template_only(self, why: str, *keys: str) -> None:
        for key in keys:
            if key in self.props:
                self.notes.append(f"{self.logical}.{key}: not read back, {why} "
                                  f"(template: {json.dumps(self.props[key], default=str)[:70]})")


def _keys(schema: Any) -> list[tuple[str, str]]:
    return [(k.get("AttributeName"), k.get("KeyType")) for k in as_list(schema)]


def compare_table(c: Comparer) -> None:
    p, d = c.props, c.got
    c.prop("TableName")
    c.eq("KeySchema", _keys(p.get("KeySchema")), _keys(d.get("KeySchema")))
    c.eq("AttributeDefinitions",
         sorted((a.get("AttributeName"), a.get("AttributeType")) for a in as_list(p.get("AttributeDefinitions"))),
         sorted((a.get("AttributeName"), a.get("AttributeType")) for a in as_list(d.get("AttributeDefinitions"))))
    c.eq("BillingMode", p.get("BillingMode", "PROVISIONED"),
         (d.get("BillingModeSummary") or {}).get("BillingMode", "PROVISIONED"))
    if "ProvisionedThroughput" in p:
        pt, dt = p["ProvisionedThroughput"], d.get("ProvisionedThroughput") or {}
        c.eq("ProvisionedThroughput", (pt.get("ReadCapacityUnits"), pt.get("WriteCapacityUnits")),
             (dt.get("ReadCapacityUnits"), dt.get("WriteCapacityUnits")))
    for kind in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        want = {i.get("IndexName"): i for i in as_list(p.get(kind))}
        got = {i.get("IndexName"): i for i in as_list(d.get(kind))}
        c.eq(f"{kind} names", sorted(want), sorted(got))
        for name in sorted(set(want) & set(got)):
            w, g = want[name], got[name]
            c.eq(f"{kind}[{name}].KeySchema", _keys(w.get("KeySchema")), _keys(g.get("KeySchema")))
            wp, gp = w.get("Projection") or {}, g.get("Projection") or {}
            c.eq(f"{kind}[{name}].Projection",
                 (wp.get("ProjectionType"), sorted(wp.get("NonKeyAttributes") or [])),
                 (gp.get("ProjectionType"), sorted(gp.get("NonKeyAttributes") or [])))
            if "ProvisionedThroughput" in w:
                wt, gt = w["ProvisionedThroughput"], g.get("ProvisionedThroughput") or {}
                c.eq(f"{kind}[{name}].ProvisionedThroughput",
                     (wt.get("ReadCapacityUnits"), wt.get("WriteCapacityUnits")),
                     (gt.get("ReadCapacityUnits"), gt.get("WriteCapacityUnits")))
    spec = p.get("StreamSpecification")
    got_spec = d.get("StreamSpecification") or {}
    if spec:
        c.eq("StreamSpecification", (True, spec.get("StreamViewType")),
             (got_spec.get("StreamEnabled"), got_spec.get("StreamViewType")))
    else:
        c.eq("StreamSpecification (none)", False, bool(got_spec.get("StreamEnabled")))
    if "DeletionProtectionEnabled" in p:
        c.prop("DeletionProtectionEnabled")
    c.template_only("moto ignores it", "PointInTimeRecoverySpecification", "TimeToLiveSpecification",
                    "TableClass", "SSESpecification", "ContributorInsightsSpecification")


def compare_function(c: Comparer) -> None:
    for key in ("FunctionName", "Runtime", "Handler", "Role", "Description", "PackageType"):
        c.prop(key)
    c.prop("MemorySize", default=128)
    c.prop("Timeout", default=3)
    if "Environment" in c.props:
        try:
            want = c.res.resolve((c.props["Environment"] or {}).get("Variables") or {})
            c.eq("Environment.Variables", want, (c.got.get("Environment") or {}).get("Variables") or {})
        except Unresolved as e:
            c.notes.append(f"{c.logical}.Environment: not compared ({e})")
    if "VpcConfig" in c.props:
        vc, gv = c.props["VpcConfig"] or {}, c.got.get("VpcConfig") or {}
        for key in ("SubnetIds", "SecurityGroupIds"):
            try:
                c.eq(f"VpcConfig.{key}", sorted(map(str, as_list(c.res.resolve(vc.get(key))))),
                     sorted(map(str, as_list(gv.get(key)))))
            except Unresolved as e:
                c.notes.append(f"{c.logical}.VpcConfig.{key}: not compared ({e})")
        c.notes.append(f"{c.logical}.VpcConfig.VpcId: not compared (moto reports a fixed "
                       f"{gv.get('VpcId')!r})")
    c.template_only("moto ignores it and reports its default", "Architectures")
    c.template_only("moto does not report it", "LoggingConfig")
    c.template_only("the suite does not unzip moto's copy", "Code")


def compare_esm(c: Comparer) -> None:
    p, d = c.props, c.got
    for key in ("BatchSize", "StartingPosition", "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts",
                "BisectBatchOnFunctionError", "ParallelizationFactor", "MaximumRecordAgeInSeconds",
                "TumblingWindowInSeconds", "EventSourceArn"):
        c.prop(key)
    c.prop("FunctionResponseTypes", as_set=True)
    c.eq("Enabled", "Enabled" if p.get("Enabled", True) else "Disabled", d.get("State"))
    if "FilterCriteria" in p:
        def patterns(fc: Any) -> list:
            out = []
            for f in as_list((fc or {}).get("Filters")):
                try:
                    out.append(json.loads(f.get("Pattern", "")))
                except (TypeError, json.JSONDecodeError):
                    out.append(f.get("Pattern"))
            return out
        c.eq("FilterCriteria", patterns(p["FilterCriteria"]), patterns(d.get("FilterCriteria")))
    if "DestinationConfig" in p:
        try:
            want = c.res.resolve(p["DestinationConfig"])
            c.eq("DestinationConfig", want, d.get("DestinationConfig"))
        except Unresolved as e:
            c.notes.append(f"{c.logical}.DestinationConfig: not compared ({e})")
    try:
        fn = str(c.res.resolve(p.get("FunctionName")))
        arn = str(d.get("FunctionArn"))
        c.compared += 1
        if not (fn == arn or arn.endswith(f":function:{fn}")):
            c.diffs.append(f"{c.logical}.FunctionName: {fn!r} in the template, mapping targets {arn!r}")
    except Unresolved as e:
        c.notes.append(f"{c.logical}.FunctionName: not compared ({e})")


def compare_role(c: Comparer) -> None:
    p, d = c.props, c.got
    c.prop("RoleName")
    c.prop("Path", default="/")
    c.prop("MaxSessionDuration")
    c.compared += 1
    compare_policy(c.res, p.get("AssumeRolePolicyDocument"), d.get("AssumeRolePolicyDocument"),
                   f"{c.logical}.AssumeRolePolicyDocument", c.diffs, c.notes)
    name = d.get("RoleName")
    listed = c.res.call("iam", "list-role-policies", "--role-name", name).get("PolicyNames", [])
    want = {str(c.res.partial(x.get("PolicyName"))): x for x in as_list(p.get("Policies"))}
    c.eq("Policies (inline policy names)", sorted(want), sorted(listed))
    for pname in sorted(set(want) & set(listed)):
        got = c.res.call("iam", "get-role-policy", "--role-name", name, "--policy-name", pname)
        c.compared += 1
        compare_policy(c.res, want[pname].get("PolicyDocument"), got.get("PolicyDocument"),
                       f"{c.logical}.Policies[{pname}]", c.diffs, c.notes)
    c.template_only("moto ignores it", "ManagedPolicyArns", "PermissionsBoundary")


def compare_log_group(c: Comparer) -> None:
    c.prop("LogGroupName", "logGroupName")
    if "RetentionInDays" in c.props:
        c.prop("RetentionInDays", "retentionInDays")
    else:
        c.eq("RetentionInDays (none)", None, c.got.get("retentionInDays"))
    c.template_only("not compared by the suite", "DataProtectionPolicy", "KmsKeyId", "LogGroupClass")


def compare_vpc_endpoint(c: Comparer) -> None:
    c.prop("VpcId")
    c.prop("ServiceName")
    c.prop("VpcEndpointType", default="Gateway")
    for key in ("RouteTableIds", "SubnetIds"):
        c.prop(key, as_set=True)
    if "SecurityGroupIds" in c.props:
        try:
            want = sorted(map(str, as_list(c.res.resolve(c.props["SecurityGroupIds"]))))
            c.eq("SecurityGroupIds", want, sorted(g.get("GroupId") for g in c.got.get("Groups") or []))
        except Unresolved as e:
            c.notes.append(f"{c.logical}.SecurityGroupIds: not compared ({e})")
    if "PolicyDocument" in c.props:
        c.compared += 1
        compare_policy(c.res, c.props["PolicyDocument"], c.got.get("PolicyDocument"),
                       f"{c.logical}.PolicyDocument", c.diffs, c.notes)


def _attr_text(v: Any) -> str:
    """SQS and SNS report every attribute as a string ("true", "40")."""
    return str(v).lower() if isinstance(v, bool) else str(v)


def compare_attributes(c: Comparer, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key not in c.props:
            continue
        try:
            want = c.res.resolve(c.props[key])
        except Unresolved as e:
            c.notes.append(f"{c.logical}.{key}: not compared ({e})")
            continue
        if isinstance(want, (dict, list)):
            got = c.got.get(key)
            try:
                got = json.loads(got) if isinstance(got, str) else got
            except json.JSONDecodeError:
                pass
            c.eq(key, want, got)
        else:
            c.eq(key, _attr_text(want), c.got.get(key))


def compare_queue(c: Comparer) -> None:
    if "QueueName" in c.props:
        c.eq("QueueName", c.res.resolve(c.props["QueueName"]), str(c.got.get("QueueArn", "")).rsplit(":", 1)[-1])
    compare_attributes(c, ("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod",
                           "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "SqsManagedSseEnabled",
                           "FifoQueue", "ContentBasedDeduplication", "KmsMasterKeyId", "RedrivePolicy"))


def compare_topic(c: Comparer) -> None:
    if "TopicName" in c.props:
        c.eq("TopicName", c.res.resolve(c.props["TopicName"]), str(c.got.get("TopicArn", "")).rsplit(":", 1)[-1])
    compare_attributes(c, ("DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication"))


COMPARERS: dict[str, Callable[[Comparer], None]] = {
    "AWS::SQS::Queue": compare_queue,
    "AWS::SNS::Topic": compare_topic,
    "AWS::DynamoDB::Table": compare_table,
    "AWS::Lambda::Function": compare_function,
    "AWS::Lambda::EventSourceMapping": compare_esm,
    "AWS::IAM::Role": compare_role,
    "AWS::Logs::LogGroup": compare_log_group,
    "AWS::EC2::VPCEndpoint": compare_vpc_endpoint,
}


ALARM = "AWS::CloudWatch::Alarm"


def stand_in_alarm(res: Resolver, logical: str, props: dict) -> tuple[list[str], int]:
    """PutMetricAlarm with the template's properties resolved, then DescribeAlarms compared
    with them: (differences, values compared). See the module's docstring for why."""
    import boto3  # noqa: PLC0415 - only this stand-in writes to moto directly

    try:
        wanted = res.resolve(props)
    except Unresolved as e:
        return [f"{logical} ({ALARM}): cannot resolve its properties: {e}"], 0
    name = str(wanted.pop("AlarmName", f"{res.dep.stack}-{logical}"))
    cloudwatch = boto3.client("cloudwatch", endpoint_url=res.endpoint, region_name=REGION,
                              aws_access_key_id="testing", aws_secret_access_key="testing")
    try:
        cloudwatch.put_metric_alarm(AlarmName=name, **wanted)
        alarms = cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"]
    except Exception as e:  # noqa: BLE001 - the API's refusal is the finding
        return [f"{logical} ({ALARM}): PutMetricAlarm refused its properties: {e}"], 0
    if len(alarms) != 1:
        return [f"{logical} ({ALARM}): DescribeAlarms lists {len(alarms)} alarms named {name}"], 0
    got, diffs = alarms[0], []
    for key, want in wanted.items():
        have = got.get(key)
        same = float(want) == float(have) if key == "Threshold" and have is not None else want == have
        if not same:
            diffs.append(f"{logical}.{key}: template {json.dumps(want)}, read back {json.dumps(have, default=str)}")
    return diffs, len(wanted)


def moto_supports(rtype: str) -> bool | None:
    """Whether moto's CloudFormation can create `rtype` (None: cannot tell)."""
    try:
        import moto.backends  # noqa: F401 - loads the models that register themselves
        from moto.cloudformation.parsing import get_model_map
        return rtype in get_model_map()
    except Exception:  # noqa: BLE001 - a private API of moto; only used to word a message
        return None


def check(endpoint: str, dep: Deployment, display: str) -> Result:
    resources, err = stack_resources(endpoint, dep.stack)
    if err:
        return Result(CHECK, display, False, "cannot list the stack's resources", [err])
    res = Resolver(endpoint, dep, resources)
    diffs: list[str] = []
    notes: list[str] = []
    compared = 0
    stood_in = False
    template_resources = dep.template.get("Resources") or {}
    if not template_resources:
        return Result(CHECK, display, False, "the template has no Resources")
    for logical, spec in template_resources.items():
        rtype = str((spec or {}).get("Type"))
        if logical not in resources:
            if (spec or {}).get("Condition"):
                notes.append(f"{logical}: not created (Condition {spec['Condition']})")
                continue
            if rtype == ALARM and moto_supports(rtype) is False:
                alarm_diffs, alarm_compared = stand_in_alarm(res, logical, (spec or {}).get("Properties") or {})
                diffs += alarm_diffs
                compared += alarm_compared
                stood_in = True
                notes.append(f"{logical}: moto's CloudFormation skips {ALARM}; put with PutMetricAlarm, "
                             f"its references resolved against the stack, and read back")
                continue
            why = ("moto's CloudFormation does not support this type and skips it"
                   if moto_supports(rtype) is False else "moto did not create it")
            diffs.append(f"{logical} ({rtype}): not in the deployed stack: {why} "
                         f"(see .acceptance/moto/server.log)")
            continue
        status = resources[logical].get("ResourceStatus", "")
        if not status.endswith("_COMPLETE") or "DELETE" in status or "ROLLBACK" in status:
            diffs.append(f"{logical} ({rtype}): status {status}")
        compared += 1
        comparer = COMPARERS.get(rtype)
        if comparer is None:
            notes.append(f"{logical} ({rtype}): exists; its properties are not read back by the suite")
            continue
        try:
            c = Comparer(res, logical, (spec or {}).get("Properties") or {}, res.describe(logical))
            comparer(c)
        except (RuntimeError, KeyError, IndexError, Unresolved) as e:
            diffs.append(f"{logical} ({rtype}): cannot read it back: {e}")
            continue
        diffs += c.diffs
        notes += c.notes
        compared += c.compared
    # moto lists a skipped resource as one with an empty logical ID.
    extra = sorted(x for x in set(resources) - set(template_resources) if x or not stood_in)
    if extra:
        diffs.append(f"the stack has resources the template does not: {extra}")
    if diffs:
        return Result(CHECK, display, False,
                      f"{len(diffs)} difference(s) between the template and stack {dep.stack}",
                      diffs + [f"note: {n}" for n in notes])
    return Result(CHECK, display, True,
                  f"{len(template_resources)} resource(s) exist in stack {dep.stack}, "
                  f"{compared} value(s) match", [f"note: {n}" for n in notes])
