/// A rectangle of cells, 0-based.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// The rectangle shrunk by `d` on every side.
  public func inset(_ d: Int) -> Rect {
    Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
  }

  /// True when the cell (px, py) lies inside.
  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// Splits into a top part of `h` rows and the rest.
  public func splitTop(_ h: Int) -> (Rect, Rect) {
    let hh = min(max(0, h), height)
    return (
      Rect(x: x, y: y, width: width, height: hh),
      Rect(x: x, y: y + hh, width: width, height: height - hh)
    )
  }

  /// Splits into a left part of `w` columns and the rest.
  public func splitLeft(_ w: Int) -> (Rect, Rect) {
    let ww = min(max(0, w), width)
    return (
      Rect(x: x, y: y, width: ww, height: height),
      Rect(x: x + ww, y: y, width: width - ww, height: height)
    )
  }
}
