// Tables of the letters area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
export {};
