import ArgumentParser

/// The exit codes every command documents in `--help` and the README.
enum InfraExit {
    /// Everything is as it should be.
    static let ok = ExitCode(0)
    /// `synth --check`: out/ is stale. `diff`: there are changes, all safe.
    static let changed = ExitCode(1)
    /// The input is invalid: diagnostics were printed and nothing was written.
    static let invalidInput = ExitCode(2)
    /// `diff`: a change replaces a resource, loses data or will fail.
    static let risky = ExitCode(3)
    /// `deploy`: the aws CLI failed, the change set failed, or the deployment failed
    /// (rolled back) or did not finish in time.
    static let deployFailed = ExitCode(4)
    /// `deploy`: not confirmed (the answer was no, or no terminal and no --yes).
    static let notConfirmed = ExitCode(5)

    static let summary = """
        Exit codes:
          0  success (no changes, out/ up to date)
          1  out/ is stale (synth --check), or diff found changes that are all safe
          2  invalid input: diagnostics were printed, out/ is not writable or is
             reached through a symbolic link, or diff cannot read a template;
             out/ was left untouched
          3  diff: a change replaces a resource, loses data or will fail
             (unless --allow-replacement names it); deploy: refused to
             execute for that reason, or because CloudFormation replaces a
             stateful resource (the change set is deleted, or left with
             --no-execute)
          4  deploy and diff --deployed: the aws CLI failed; deploy: the
             change set failed, or the deployment
             failed (the failing events, the reason and the rollback state
             are printed) or did not finish within --timeout
          5  deploy: not confirmed (answered no, or no terminal and no --yes)
          64 usage error: an unknown option, stack, environment or table,
             a missing --root or --against, or synth --out empty or outside
             the project root
        """
}
