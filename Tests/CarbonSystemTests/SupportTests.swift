import CarbonSystem
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The Foundation-free helpers: C formatting, path text, trimming, folder listing.
@Suite struct SupportTests {
  @Test func formatsLikePrintf() {
    #expect(CFormat.string("%.2f", 1.005) == "1.00")  // 1.005 is 1.00499999... in binary
    // 59.25 is exact in binary: C rounds the tie to even.
    #expect(CFormat.string("%.*f", Int32(1), 59.25) == "59.2")
    #expect(CFormat.string("%+.2f%%", 1.5) == "+1.50%")
    #expect(CFormat.string("%02d:%02d:%02d", Int32(9), Int32(5), Int32(0)) == "09:05:00")
    #expect(CFormat.string("%.6g", 1234567.0) == "1.23457e+06")
    #expect(CFormat.string("%5.1f%%", 7.0) == "  7.0%")
    #expect(CFormat.string("%ld x %ld", 7, 30) == "7 x 30")
  }

  @Test func formatsLongOutput() {
    // 300 characters: past the 128-byte first buffer.
    let s = CFormat.string("%300.1f", 2.5)
    #expect(s.count == 300)
    #expect(s.hasSuffix(" 2.5"))
  }

  @Test func pathText() {
    #expect(PathText.lastComponent("/a/b/c.toml") == "c.toml")
    #expect(PathText.lastComponent("/a/b/") == "b")
    #expect(PathText.lastComponent("/") == "/")
    #expect(PathText.lastComponent("name") == "name")
    #expect(PathText.parent("/a/b/c.toml") == "/a/b")
    #expect(PathText.parent("/a") == "/")
    #expect(PathText.parent("a") == "")
    #expect(PathText.parent("a//b") == "a")
    #expect(PathText.join("/a", "b") == "/a/b")
    #expect(PathText.join("/a/", "b") == "/a/b")
    #expect(PathText.join("", "b") == "b")
    #expect(PathText.stem("/x/themes/dark.toml") == "dark")
    #expect(PathText.stem("/x/.hidden") == ".hidden")
    #expect(PathText.stem("a.b.toml") == "a.b")
  }

  @Test func trimsBlanksOnly() {
    #expect(" \t 80 % \t".trimmingBlanks() == "80 %")
    #expect("\n80\n".trimmingBlanks() == "\n80\n")
    #expect("   ".trimmingBlanks() == "")
  }

  @Test func listsAFolder() throws {
    var template = Array("/tmp/carbontop-support-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
    try #require(made)
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer {
      unlink(path + "/a.toml")
      rmdir(path + "/sub")
      rmdir(path)
    }
    #expect(FileBytes.names(inFolder: path) == [])
    #expect(creat(path + "/a.toml", 0o644) >= 0)
    #expect(mkdir(path + "/sub", 0o755) == 0)
    #expect(FileBytes.names(inFolder: path)?.sorted() == ["a.toml", "sub"])
    #expect(FileBytes.names(inFolder: path + "/a.toml") == nil)
    #expect(FileBytes.names(inFolder: path + "/missing") == nil)
    #expect(FileBytes.isFolder(path + "/sub"))
    #expect(!FileBytes.isFolder(path + "/a.toml"))
  }

  @Test func absolutePaths() {
    #expect(FileBytes.absolute("/a/./b/../c//d/") == "/a/c/d")
    #expect(FileBytes.absolute("/..") == "/")
    let cwd = FileBytes.currentDirectory
    #expect(cwd.hasPrefix("/"))
    #expect(FileBytes.absolute("x/../y") == (cwd == "/" ? "/y" : cwd + "/y"))
  }

  @Test func environmentAndProcessors() {
    let env = SystemInfo.environment
    #expect(env["PATH"] == getenv("PATH").map { String(cString: $0) })
    let n = SystemInfo.activeProcessorCount
    #expect(n >= 1)
    #expect(n <= sysconf(Int32(_SC_NPROCESSORS_CONF)))
  }
}
