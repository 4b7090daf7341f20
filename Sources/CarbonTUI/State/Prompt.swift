/// The input line at the bottom of the screen: typing a filter after `/`, or a command in the
/// palette after `:`. Every key goes to it while it is open.
public struct Prompt: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case filter
    case palette
  }
  public var kind: Kind
  public var text: String
  /// The selected match of the palette (index into its matches).
  public var selection: Int

  public init(kind: Kind, text: String = "", selection: Int = 0) {
    self.kind = kind
    self.text = text
    self.selection = selection
  }
}
