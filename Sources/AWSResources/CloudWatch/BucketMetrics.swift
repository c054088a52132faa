import CloudFormation

/// The storage metrics S3 publishes for every bucket, free, once a day (namespace `AWS/S3`,
/// dimensions `BucketName` and `StorageType`): an alarm on them takes a period of a day.
/// Request metrics need a metrics configuration on the bucket and are not offered here.
public enum BucketMetric: Sendable {
    /// Bytes stored in the standard storage class. Bytes.
    case standardStorageBytes
    /// Objects stored, every storage class. Count.
    case numberOfObjects

    var name: String {
        switch self {
        case .standardStorageBytes: "BucketSizeBytes"
        case .numberOfObjects: "NumberOfObjects"
        }
    }

    var storageType: String {
        switch self {
        case .standardStorageBytes: "StandardStorage"
        case .numberOfObjects: "AllStorageTypes"
        }
    }
}

extension Bucket {
    /// The seconds in a day: S3 publishes its storage metrics daily.
    public static let storageMetricPeriod = 86_400

    /// One of the bucket's daily storage metrics (Average over a day):
    /// `bucket.metric(.numberOfObjects)`.
    public func metric(_ metric: BucketMetric, statistic: MetricStatistic = .average) -> Metric {
        Metric(namespace: .s3, name: metric.name,
               dimensions: [MetricDimension("BucketName", name), MetricDimension("StorageType", Value(metric.storageType))],
               statistic: statistic, period: Self.storageMetricPeriod)
    }
}
