import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>There is no such page, sector or vendor in this data set.</p>
      <p>
        <Link href="/" className="text-blue-800 underline dark:text-blue-300">
          Back to the overview
        </Link>
      </p>
    </div>
  );
}
