/// A usage error: the dataset path is not a folder that can be read (exit status 2).
public enum DatasetFolderError: Error, Sendable, Hashable, CustomStringConvertible {
  case noSuchFolder(String)
  case notAFolder(String)

  public var description: String {
    switch self {
    case .noSuchFolder(let p): return "\(p): no such folder"
    case .notAFolder(let p): return "\(p): not a folder"
    }
  }
}
