/// Path text operations (Foundation's NSString path methods without Foundation): plain string
/// work on "/"-separated paths, no file system access.
public enum PathText {
  /// The last component: "c.toml" for "/a/b/c.toml", "b" for "/a/b/", "/" for "/".
  public static func lastComponent(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    if p == "/" { return "/" }
    if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
    return String(p)
  }

  /// The path without its last component: "/a/b" for "/a/b/c.toml", "/" for "/a", "" for "a".
  public static func parent(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return "" }
    if slash == p.startIndex { return "/" }
    var head = p[..<slash]
    while head.count > 1 && head.hasSuffix("/") { head = head.dropLast() }
    return String(head)
  }

  /// `component` appended to `path` with one "/" between them.
  public static func join(_ path: String, _ component: String) -> String {
    if path.isEmpty { return component }
    if path.hasSuffix("/") { return path + component }
    return path + "/" + component
  }

  /// The last component without its extension: "dark" for "/x/themes/dark.toml".
  public static func stem(_ path: String) -> String {
    let last = lastComponent(path)
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
    return String(last[..<dot])
  }
}
