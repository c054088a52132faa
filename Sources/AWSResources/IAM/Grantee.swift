import CloudFormation

/// Something that can be granted permissions: it owns a role whose inline policy takes the
/// statements a grant generates (`Function`, `Role`).
public protocol Grantee: AnyObject {
    /// Where granted statements go.
    var grantTarget: GrantTarget { get }
}

/// The receiving end of grants: a role we own, or a record of the grants that could not be
/// made because the role is imported (reported by its owner at synthesis).
public final class GrantTarget {
    /// Why a statement is granted: an explicit grant that cannot be honoured is an error; a
    /// permission `infra` adds by itself (a mapping's stream read) is a warning for the owner
    /// of an imported role to act on.
    enum Origin {
        case explicitGrant
        case automatic(reason: String)
    }

    struct RefusedGrant {
        let statement: () -> PolicyStatement
        let origin: Origin
    }

    weak var role: Role?
    private(set) var refused: [RefusedGrant] = []

    init(role: Role?) {
        self.role = role
    }

    /// Adds a statement, evaluated at synthesis: a table's resources depend on the indexes it
    /// has by then, not on those it had when the grant was written.
    func grant(_ origin: Origin, _ statement: @escaping () -> PolicyStatement) {
        if let role {
            role.addToPolicy(deferred: statement)
        } else {
            refused.append(RefusedGrant(statement: statement, origin: origin))
        }
    }
}
