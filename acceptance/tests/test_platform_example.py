"""The platform example's deploy and read-back (acceptance/checks/platform_example.py): the
committed template deploys and reads back; read back against a template that says otherwise,
every difference is named."""

from __future__ import annotations

from acceptance.checks import platform_example

TEMPLATE = platform_example.OUT / "cruddur-platform.yaml"


def deployed(moto, template=TEMPLATE):
    moto.reset()
    result = platform_example.deploy(moto.endpoint, template)
    assert result.ok, result.render()


def test_the_committed_template_deploys_and_reads_back(moto):
    deployed(moto)
    result = platform_example.readback(moto.endpoint, TEMPLATE)
    assert result.ok, result.render()
    compared = int(result.message.split()[0])
    assert compared >= 60, result.message  # every kind of comparison ran, not a vacuous pass


def test_every_difference_from_the_template_is_named(moto, broken):
    deployed(moto)
    bad = broken(TEMPLATE, "CidrBlock: 10.30.1.0/24", "CidrBlock: 10.30.9.0/24")
    text = bad.read_text()
    for old, new in (
        ("        - 1\n        - !GetAZs ''", "        - 0\n        - !GetAZs ''"),           # the second subnet's zone
        ("      Value: !Ref Services", "      Value: !Ref Network"),                        # a parameter's value
        ("          QUEUE_URL: !Ref UploadJobs", "          QUEUE_URL: !Ref UploadJobsDeadLetters"),
        ("      VisibilityTimeout: 60", "      VisibilityTimeout: 61"),
        ("      SourceAccount: !Ref AWS::AccountId", "      SourceAccount: '210987654321'"),
        ("              KMSMasterKeyID: !GetAtt DataKey.Arn", "              KMSMasterKeyID: alias/other"),
    ):
        assert old in text, f"the template no longer contains {old!r}"
        text = text.replace(old, new, 1)
    bad.write_text(text)
    result = platform_example.readback(moto.endpoint, bad)
    out = result.render()
    assert not result.ok, out
    for named in ("PublicSubnet2.CidrBlock", "PublicSubnet2.AvailabilityZone",
                  "ClusterNameParameter.Value", "UploadProcessor.Environment.QUEUE_URL", "UploadJobs.VisibilityTimeout",
                  "UploadsInvokeProcessor.SourceAccount", "Uploads.BucketEncryption[0].KMSMasterKeyID"):
        assert named in out, f"{named} not reported:\n{out}"


def test_a_resource_missing_from_the_stack_is_named(moto, broken):
    deployed(moto)
    bad = broken(TEMPLATE, "  DataKeyAlias:\n", "  SecondAlias:\n    Type: AWS::KMS::Alias\n    Properties:\n"
                                                 "      AliasName: alias/second\n      TargetKeyId: !Ref DataKey\n"
                                                 "  DataKeyAlias:\n")
    result = platform_example.readback(moto.endpoint, bad)
    assert not result.ok
    assert "SecondAlias (AWS::KMS::Alias): not in the deployed stack" in result.render()


def test_subnets_in_one_zone_are_named_even_when_the_template_says_so(moto, broken):
    """The example's point is two zones: a template that puts both subnets in one fails."""
    bad = broken(TEMPLATE, "        - 1\n        - !GetAZs ''", "        - 0\n        - !GetAZs ''")
    deployed(moto, bad)
    result = platform_example.readback(moto.endpoint, bad)
    assert not result.ok
    assert "the subnets share zones: ['us-east-1a', 'us-east-1a']" in result.render(), result.render()
