/// Lambda actions.
public enum LambdaAction: String, IAMAction, CaseIterable, Hashable {
    case getFunction = "lambda:GetFunction"
    case getFunctionConfiguration = "lambda:GetFunctionConfiguration"
    case invokeFunction = "lambda:InvokeFunction"
    case listFunctions = "lambda:ListFunctions"
}
