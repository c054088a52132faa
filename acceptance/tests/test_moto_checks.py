"""Deploy, read back and update on a local moto server: pass on the good fixtures; fail, naming the
file and the difference, when the deployed stack and the template disagree."""

from __future__ import annotations

import copy
import re

import pytest
from conftest import CFN, SAM, edit

from acceptance import run
from acceptance.cfnyaml import load_template
from acceptance.checks import moto_deploy, readback, sam_translate, update


def deploy(moto, path, tmp_path, stack="fixture"):
    """Reset moto, make the network, deploy `path` (its translation if SAM). -> (result, deployment)."""
    moto.reset()
    net = moto_deploy.create_network(moto.endpoint)
    deploy_file = path
    if path.name.endswith(".sam.yaml"):
        r, deploy_file = sam_translate.check(path, tmp_path)
        assert r.ok, r.render()
    return moto_deploy.deploy(moto.endpoint, load_template(deploy_file), deploy_file, stack, net, path.name)


@pytest.mark.parametrize("fixture", [CFN, SAM], ids=["cfn", "sam"])
def test_good_fixture_deploys_reads_back_and_updates(moto, tmp_path, fixture):
    r, dep = deploy(moto, fixture, tmp_path)
    assert r.ok and dep is not None, r.render()
    rb = readback.check(moto.endpoint, dep, fixture.name)
    assert rb.ok, rb.render()
    # Not vacuous: the table, endpoint, log group, role, function, queue and mapping were all compared.
    assert "7 resource(s) exist" in rb.message
    if fixture is CFN:
        readback_names_every_difference(moto, dep)
    up = update.check(moto.endpoint, dep, tmp_path, fixture.name)
    assert up.ok, up.render()
    assert "BatchSize updated in place to 2" in up.message


def readback_names_every_difference(moto, dep):
    """Compare the deployed good fixture with a template that says something else."""
    dep = copy.copy(dep)
    other = copy.deepcopy(dep.template)
    res = other["Resources"]
    res["MessagingStreamMessagesEvents"]["Properties"]["BatchSize"] = 5
    res["MessagingStreamMessagesEvents"]["Properties"]["Enabled"] = False
    res["MessagingStream"]["Properties"]["Runtime"] = "python3.12"
    res["MessagingStream"]["Properties"]["Environment"]["Variables"]["INDEX_NAME"] = "other-index"
    res["Messages"]["Properties"]["StreamSpecification"]["StreamViewType"] = "NEW_AND_OLD_IMAGES"
    res["Messages"]["Properties"]["GlobalSecondaryIndexes"][0]["Projection"]["ProjectionType"] = "KEYS_ONLY"
    stmts = res["MessagingStreamRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    stmts[4]["Action"].append("dynamodb:UpdateItem")
    stmts[2]["Sid"] = "Renamed"
    res["MessagingStreamLogGroup"]["Properties"]["RetentionInDays"] = 14
    res["DynamoDBEndpoint"]["Properties"]["PolicyDocument"]["Statement"][0]["Resource"].pop()
    dep.template = other
    rb = readback.check(moto.endpoint, dep, "cruddur-messaging.yaml")
    assert not rb.ok
    out = rb.render()
    assert out.startswith("FAIL moto-readback cruddur-messaging.yaml:")
    for expected in [
        "MessagingStreamMessagesEvents.BatchSize: 5 in the template, 1 deployed",
        "MessagingStreamMessagesEvents.Enabled: 'Disabled' in the template, 'Enabled' deployed",
        "MessagingStream.Runtime: 'python3.12' in the template, 'python3.14' deployed",
        "INDEX_NAME",
        "Messages.StreamSpecification",
        "GlobalSecondaryIndexes[message-group-sk-index].Projection",
        "Action differs: only in the template ['dynamodb:UpdateItem']",
        "Sids [",
        "MessagingStreamLogGroup.RetentionInDays: 14 in the template, 30 deployed",
        "DynamoDBEndpoint.PolicyDocument.Statement[0] (CruddurMessagesOnly): Resource",
    ]:
        assert expected in out, f"{expected!r} not in:\n{out}"


def test_broken_template_deploys_but_fails_readback(moto, tmp_path, broken):
    """Three things moto accepts silently, in one deployment:
    an unquoted policy date (moto keeps a Python date), a resource type moto skips while
    still reporting CREATE_COMPLETE, and a parameter with a Default (left alone)."""
    bad = broken(CFN, "          PolicyDocument:\n            Version: '2012-10-17'",
                 "          PolicyDocument:\n            Version: 2012-10-17")
    bad.write_text(edit(bad.read_text(), "  MessagingStreamRole:\n",
                        "  ErrorsMetric:\n    Type: AWS::Logs::MetricFilter\n    Properties:\n"
                        "      LogGroupName: !Ref MessagingStreamLogGroup\n      FilterPattern: ERROR\n"
                        "      MetricTransformations:\n        - MetricName: Errors\n"
                        "          MetricNamespace: Cruddur\n          MetricValue: '1'\n"
                        "  MessagingStreamRole:\n"))
    bad.write_text(edit(bad.read_text(), "Parameters:\n",
                        "Parameters:\n  Stage:\n    Type: String\n    Default: prod\n"))
    r, dep = deploy(moto, bad, tmp_path)
    assert r.ok, r.render()
    assert "Stage" not in dep.parameters
    rb = readback.check(moto.endpoint, dep, bad.name)
    assert not rb.ok
    out = rb.render()
    assert "MessagingStreamRole.Policies[messaging-stream]" in out and "datetime.date" in out
    assert "ErrorsMetric (AWS::Logs::MetricFilter): not in the deployed stack" in out
    up = update.check(moto.endpoint, dep, tmp_path, bad.name)
    assert not up.ok and "Version: date" in up.render()


def test_unknown_required_parameter_fails_deploy(moto, tmp_path, broken):
    bad = broken(CFN, "Parameters:\n", "Parameters:\n  Stage:\n    Type: String\n")
    r, dep = deploy(moto, bad, tmp_path)
    assert not r.ok and dep is None
    assert "parameter Stage (Type String) has no Default" in r.render()


def test_update_needs_something_to_change():
    template = load_template(CFN)
    for name in ("MessagingStreamMessagesEvents", "MessagingStream", "MessagingStreamFailures"):
        del template["Resources"][name]
    assert update.plan(template) is None


def test_update_falls_back_to_function_memory():
    template = load_template(CFN)
    del template["Resources"]["MessagingStreamMessagesEvents"]
    _, logical, prop, new, _ = update.plan(template)
    assert (logical, prop, new) == ("MessagingStream", "MemorySize", 256)


CONSUMER = """\
AWSTemplateFormatVersion: '2010-09-09'
Description: Reads the messages stream exported by cruddur-messaging.
Resources:
  ConsumerLogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /cruddur/consumer
      RetentionInDays: 7
  ConsumerQueue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 40
      SqsManagedSseEnabled: true
  ConsumerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read-stream
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Sid: ReadMessagesStream
                Effect: Allow
                Action:
                  - dynamodb:GetRecords
                  - dynamodb:GetShardIterator
                Resource: !ImportValue cruddur-messaging-StreamArn
"""


def test_stacks_linked_by_exports_deploy_together(tmp_path, capsys):
    """An importer is deployed after its exporter, in the same moto account, and its
    Fn::ImportValue is resolved in the read-back."""
    exporter = CFN.read_text().replace(
        "  StreamArn:\n    Value: !GetAtt Messages.StreamArn\n",
        "  StreamArn:\n    Value: !GetAtt Messages.StreamArn\n    Export:\n"
        "      Name: !Sub '${AWS::StackName}-StreamArn'\n")
    assert exporter != CFN.read_text()
    (tmp_path / "cruddur-messaging.yaml").write_text(exporter)
    (tmp_path / "a-consumer.yaml").write_text(CONSUMER)  # sorts first: order must come from the links
    report = run.Report()
    run.deploy_all(report, sorted(tmp_path.glob("*.yaml")), {})
    out = capsys.readouterr().out
    assert "deploying cruddur-messaging, a-consumer together, in that order" in out, out
    for check in ("moto-deploy", "moto-readback", "moto-update"):
        for name in ("cruddur-messaging.yaml", "a-consumer.yaml"):
            assert re.search(rf"^PASS {check} .*{re.escape(name)}:", out, re.M), f"{check} {name}:\n{out}"
    assert "ConsumerQueue.VisibilityTimeout updated in place to 41" in out
