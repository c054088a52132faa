import Infra

/// The nested-stack example (issue 15): a top-level stack with a Python function whose code is
/// a folder of two modules and a dependency from requirements.txt, and nested stacks that hold
/// more than 500 resources in all, with references in every direction across the boundaries:
///
/// - child to parent: the function reads a queue URL of `Queues1` (an output of the child);
/// - parent to child: `Queues2` and the grandchild `Queues3/Extra` store the function's ARN
///   (a parameter of each, passed down by the parent);
/// - sibling to sibling: `Queues2` stores a queue ARN of `Queues1` (up to the parent, then down).
///
/// Its templates are in examples/nested/out/ (`swift run nested-example synth`).
public func nestedExampleApp(queuesPerChild: Int = 170, extraQueues: Int = 20) -> App {
    App("nested-example", environments: [Environment("prod", region: "us-east-1")]) { app in
        let root = app.stack("nested-app", description: "Nested stacks past 500 resources, with a folder-code function")

        var firstQueue: Queue?
        root.nested("Queues1", description: "Queues, part 1") { child in
            for index in 0..<queuesPerChild {
                let queue = child.add(Queue("Queue\(index)", messageRetentionPeriod: 345_600))
                if index == 0 { firstQueue = queue }
            }
        }
        guard let firstQueue else { return }

        let worker = root.add(Function("Worker", description: "Formats a greeting with its dependency",
            runtime: .python3_13, handler: "handler.handle",
            code: .folder("examples/nested/templates/worker"),
            environment: ["QUEUE_URL": firstQueue.url]))
        root.output("WorkerArn", worker.arn, description: "The worker function")
        root.output("FirstQueueUrl", firstQueue.url, description: "A queue of the first nested stack")

        root.nested("Queues2", description: "Queues, part 2") { child in
            for index in 0..<queuesPerChild {
                child.add(Queue("Queue\(index)", messageRetentionPeriod: 345_600))
            }
            child.add(RawResource("WorkerArnParameter", type: "AWS::SSM::Parameter", properties: [
                "Name": "/nested-example/queues2/worker-arn", "Type": "String", "Value": worker.arn.raw, "Description": "The worker's ARN, passed down by the parent",
            ]))
            child.add(RawResource("SiblingQueueParameter", type: "AWS::SSM::Parameter", properties: [
                "Name": "/nested-example/queues2/first-queue-arn", "Type": "String", "Value": firstQueue.arn.raw, "Description": "A queue of Queues1, through the parent",
            ]))
        }

        root.nested("Queues3", description: "Queues, part 3, with a stack nested in it") { child in
            for index in 0..<queuesPerChild {
                child.add(Queue("Queue\(index)", messageRetentionPeriod: 345_600))
            }
            child.nested("Extra", description: "Queues nested two levels deep") { grandchild in
                for index in 0..<extraQueues {
                    grandchild.add(Queue("Queue\(index)", messageRetentionPeriod: 345_600))
                }
                grandchild.add(RawResource("WorkerArnParameter", type: "AWS::SSM::Parameter", properties: [
                    "Name": "/nested-example/extra/worker-arn", "Type": "String", "Value": worker.arn.raw, "Description": "The worker's ARN, two levels down",
                ]))
            }
        }
    }
}
