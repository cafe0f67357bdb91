import CCmark
import Foundation

/// The memory of cmark's trees: taken from large blocks, and given back all at once when the
/// outermost parse on a thread is done with its tree.
///
/// Why: a tree of a 5 MB text is some 400,000 small blocks (nodes and their text). Freed one by
/// one they cost as much as half of parsing, and glibc keeps blocks of that size in "fast
/// bins" that it merges the next time a large block is freed or taken, which costs as much
/// again (the profile showed 17% of a render in `malloc_consolidate`). Here a parse allocates
/// from blocks of `blockSize` bytes, by size class, reusing what cmark frees while it works,
/// and the blocks are recycled in one step when the outermost `CmarkArena.scope` returns.
///
/// cmark's allocator functions take no context, so each thread has its own arena, found
/// through a thread-local key; a tree never leaves the thread that parsed it. Allocations of
/// more than `largestSmall` bytes (long texts, rendered output) are system blocks, kept in a
/// list so that those cmark does not free go back too. Outside a scope cmark is given plain
/// system blocks.
enum CmarkArena {
    /// The allocator to hand to cmark (parser and new nodes).
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        // The arenas' key, made before cmark can call the functions above.
        Arena.createKey()
        return memory
    }()

    /// Runs `body` with this thread's arena in use. When the outermost scope on the thread
    /// returns, everything allocated in it is given back: no tree of it may be used after.
    static func scope<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        _ = memory  // the arenas' key exists from here on
        let arena = Arena.current(creating: true)!
        arena.pointee.depth += 1
        defer {
            arena.pointee.depth -= 1
            if arena.pointee.depth == 0 { arena.reset() }
        }
        return try body()
    }

    /// Frees a block cmark allocated (the text a renderer returned).
    static func free(_ pointer: UnsafeMutableRawPointer?) { arenaFree(pointer) }

    /// One huge page (`madvise(MADV_HUGEPAGE)`): a tree of a large text touches fresh
    /// memory, and taking it 4 KB page by 4 KB page was a fifth of a render's time.
    static let blockSize = 2 * 1024 * 1024
    /// Blocks kept for the next scope on the thread (32 MB); the rest go back to the system.
    static let sparesKept = 32 * 1024 * 1024 / blockSize
    static let sizeClasses = 64
    static let largestSmall = sizeClasses * granule
    fileprivate static let granule = 16
    fileprivate static let header = 16
}

// MARK: - The allocator functions cmark calls

/// Every block starts with a header of two words: the size class (1…`sizeClasses`), `large`
/// or `system`; and the usable size. Large blocks have two more words before the header,
/// linking them into their arena's list.
private enum Tag {
    static let large = 0
    static let system = -1
}

private let arenaCalloc: @convention(c) (Int, Int) -> UnsafeMutableRawPointer? = { count, size in
    let bytes = count * size
    let pointer = allocate(bytes)
    pointer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    return pointer
}

private let arenaRealloc: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { pointer, size in
    guard let pointer else { return allocate(size) }
    let (tag, usable) = header(of: pointer)
    if size <= usable { return pointer }
    switch tag {
    case Tag.system:
        let block = Foundation.realloc(pointer - CmarkArena.header, CmarkArena.header + size)!
        block.storeBytes(of: size, toByteOffset: 8, as: Int.self)
        return block + CmarkArena.header
    case Tag.large:
        return Arena.owner(ofLarge: pointer).reallocateLarge(pointer, size: size)
    default:
        let moved = allocate(size)
        moved.copyMemory(from: pointer, byteCount: usable)
        arenaFree(pointer)
        return moved
    }
}

private let arenaFree: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
    guard let pointer else { return }
    let (tag, _) = header(of: pointer)
    switch tag {
    case Tag.system: Foundation.free(pointer - CmarkArena.header)
    case Tag.large: Arena.owner(ofLarge: pointer).freeLarge(pointer)
    default: Arena.current(creating: false)!.freeSmall(pointer, sizeClass: tag)
    }
}

private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
    if let arena = Arena.current(creating: false), arena.pointee.depth > 0 {
        return size <= CmarkArena.largestSmall ? arena.allocateSmall(size) : arena.allocateLarge(size)
    }
    let block = Foundation.malloc(CmarkArena.header + size)!
    block.storeBytes(of: Tag.system, as: Int.self)
    block.storeBytes(of: size, toByteOffset: 8, as: Int.self)
    return block + CmarkArena.header
}

private func header(of pointer: UnsafeMutableRawPointer) -> (tag: Int, usable: Int) {
    let start = pointer - CmarkArena.header
    return (start.load(as: Int.self), start.load(fromByteOffset: 8, as: Int.self))
}

// MARK: - One thread's arena

private struct Arena {
    var depth = 0
    /// The free part of the current block.
    var cursor: UnsafeMutableRawPointer?
    var limit: UnsafeMutableRawPointer?
    /// Blocks in use, and blocks kept for reuse: linked through their first word.
    var blocks: UnsafeMutableRawPointer?
    var spares: UnsafeMutableRawPointer?
    var spareCount = 0
    /// Large blocks in use, doubly linked (`LargeLinks`); the arena is their third word.
    var large: UnsafeMutableRawPointer?
    /// Freed small blocks by size class, linked through their first word.
    var freeLists: UnsafeMutablePointer<UnsafeMutableRawPointer?>

    /// Made once, with `CmarkArena.memory`, before any arena is asked for. A variable with a
    /// constant initial value rather than a lazy `static let`: the allocator functions read
    /// it at every allocation, and a lazy one is checked for its initialisation each time.
    /// Written once before it is ever read, so without the dynamic exclusivity check of a
    /// global variable (a call into the runtime and its thread-local access set at every
    /// read: 2% of a large build).
    @exclusivity(unchecked) nonisolated(unsafe) private static var key: pthread_key_t = 0

    static func createKey() {
        pthread_key_create(&key) { pointer in
            guard let arena = pointer?.assumingMemoryBound(to: Arena.self) else { return }
            arena.reset()
            arena.releaseSpares()
            arena.pointee.freeLists.deallocate()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
    }

    static func current(creating: Bool) -> UnsafeMutablePointer<Arena>? {
        if let pointer = pthread_getspecific(key) { return pointer.assumingMemoryBound(to: Arena.self) }
        guard creating else { return nil }
        let freeLists = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: CmarkArena.sizeClasses + 1)
        freeLists.initialize(repeating: nil, count: CmarkArena.sizeClasses + 1)
        let arena = UnsafeMutablePointer<Arena>.allocate(capacity: 1)
        arena.initialize(to: Arena(freeLists: freeLists))
        pthread_setspecific(key, arena)
        return arena
    }

    static func owner(ofLarge pointer: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Arena> {
        LargeLinks(pointer).arena
    }
}

/// The words before a large block's header: previous and next large block, and its arena.
private struct LargeLinks {
    static let size = 32
    let base: UnsafeMutableRawPointer

    init(_ pointer: UnsafeMutableRawPointer) { base = pointer - CmarkArena.header - Self.size }
    init(base: UnsafeMutableRawPointer) { self.base = base }

    var data: UnsafeMutableRawPointer { base + Self.size + CmarkArena.header }
    var previous: UnsafeMutableRawPointer? {
        get { base.load(as: UnsafeMutableRawPointer?.self) }
        nonmutating set { base.storeBytes(of: newValue, as: UnsafeMutableRawPointer?.self) }
    }
    var next: UnsafeMutableRawPointer? {
        get { base.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: 8, as: UnsafeMutableRawPointer?.self) }
    }
    var arena: UnsafeMutablePointer<Arena> {
        get { base.load(fromByteOffset: 16, as: UnsafeMutablePointer<Arena>.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: 16, as: UnsafeMutablePointer<Arena>.self) }
    }
}

private extension UnsafeMutablePointer<Arena> {
    func allocateSmall(_ size: Int) -> UnsafeMutableRawPointer {
        let sizeClass = Swift.max(1, (size + CmarkArena.granule - 1) / CmarkArena.granule)
        if let reused = pointee.freeLists[sizeClass] {
            pointee.freeLists[sizeClass] = reused.load(as: UnsafeMutableRawPointer?.self)
            return reused
        }
        let needed = CmarkArena.header + sizeClass * CmarkArena.granule
        if pointee.cursor == nil || pointee.cursor! + needed > pointee.limit! { takeBlock() }
        let start = pointee.cursor!
        pointee.cursor = start + needed
        start.storeBytes(of: sizeClass, as: Int.self)
        start.storeBytes(of: sizeClass * CmarkArena.granule, toByteOffset: 8, as: Int.self)
        return start + CmarkArena.header
    }

    func freeSmall(_ pointer: UnsafeMutableRawPointer, sizeClass: Int) {
        assert(pointee.depth > 0, "a cmark block freed after its tree was given back")
        pointer.storeBytes(of: pointee.freeLists[sizeClass], as: UnsafeMutableRawPointer?.self)
        pointee.freeLists[sizeClass] = pointer
    }

    /// A block for small allocations: a spare one, or a new one. Its first 16 bytes link it.
    private func takeBlock() {
        let block: UnsafeMutableRawPointer
        if let spare = pointee.spares {
            pointee.spares = spare.load(as: UnsafeMutableRawPointer?.self)
            pointee.spareCount -= 1
            block = spare
        } else {
            block = Foundation.aligned_alloc(CmarkArena.blockSize, CmarkArena.blockSize)!
            // A hint: where the kernel gives no huge pages, the block is taken page by page.
            _ = madvise(block, CmarkArena.blockSize, MADV_HUGEPAGE)
        }
        block.storeBytes(of: pointee.blocks, as: UnsafeMutableRawPointer?.self)
        pointee.blocks = block
        pointee.cursor = block + 16
        pointee.limit = block + CmarkArena.blockSize
    }

    func allocateLarge(_ size: Int) -> UnsafeMutableRawPointer {
        let links = LargeLinks(base: Foundation.malloc(LargeLinks.size + CmarkArena.header + size)!)
        link(links, size: size)
        return links.data
    }

    func reallocateLarge(_ pointer: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
        unlink(LargeLinks(pointer))
        let links = LargeLinks(base: Foundation.realloc(LargeLinks(pointer).base, LargeLinks.size + CmarkArena.header + size)!)
        link(links, size: size)
        return links.data
    }

    func freeLarge(_ pointer: UnsafeMutableRawPointer) {
        let links = LargeLinks(pointer)
        unlink(links)
        Foundation.free(links.base)
    }

    private func link(_ links: LargeLinks, size: Int) {
        links.arena = self
        links.previous = nil
        links.next = pointee.large
        if let next = pointee.large { LargeLinks(base: next).previous = links.base }
        pointee.large = links.base
        let header = links.data - CmarkArena.header
        header.storeBytes(of: Tag.large, as: Int.self)
        header.storeBytes(of: size, toByteOffset: 8, as: Int.self)
    }

    private func unlink(_ links: LargeLinks) {
        if let previous = links.previous { LargeLinks(base: previous).next = links.next } else { pointee.large = links.next }
        if let next = links.next { LargeLinks(base: next).previous = links.previous }
    }

    /// Gives back everything allocated: large blocks to the system, small blocks to the spares.
    func reset() {
        while let large = pointee.large {
            pointee.large = LargeLinks(base: large).next
            Foundation.free(large)
        }
        while let block = pointee.blocks {
            pointee.blocks = block.load(as: UnsafeMutableRawPointer?.self)
            if pointee.spareCount < CmarkArena.sparesKept {
                block.storeBytes(of: pointee.spares, as: UnsafeMutableRawPointer?.self)
                pointee.spares = block
                pointee.spareCount += 1
            } else {
                Foundation.free(block)
            }
        }
        pointee.cursor = nil
        pointee.limit = nil
        pointee.freeLists.update(repeating: nil, count: CmarkArena.sizeClasses + 1)
    }

    func releaseSpares() {
        while let spare = pointee.spares {
            pointee.spares = spare.load(as: UnsafeMutableRawPointer?.self)
            Foundation.free(spare)
        }
        pointee.spareCount = 0
    }
}
